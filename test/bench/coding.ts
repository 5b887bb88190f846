/** The code runner's figures for `npm run bench` (wired once the sandbox runner lands). */
export async function codingBench(row: (...cells: string[]) => void, _base: { med: number; p99: number }, _quick: boolean): Promise<void> {
  row('code runner', 'not measured yet', '', '', '');
}
