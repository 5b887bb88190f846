/**
 * `npm run bank:check [-- --quality] [pack folders...]`: validates question-bank/ (and packs)
 * and prints coverage counts; with --quality, grades each question's strong answer and a few
 * off-topic answers with the offline grader and lists the questions that fail.
 */
import { resolve } from 'node:path';
import { loadBank, BankError, type Bank } from './load.ts';
import { STAGES } from './schema.ts';
import { checkQuality } from './quality.ts';

function printCoverage(bank: Bank): void {
  const count = (pred: (q: Bank['questions'][number]) => boolean) => bank.questions.filter(pred).length;
  console.log(`bank ${bank.version}: ${bank.questions.length} questions`);
  for (const s of STAGES) console.log(`  ${s.padEnd(18)} ${count((q) => q.stage === s)}`);
  console.log(`  coding/python      ${count((q) => q.coding?.language === 'python')}`);
  console.log(`  coding/sql         ${count((q) => q.coding?.language === 'sql')}`);
  for (const r of bank.roles) console.log(`  role ${r.id.padEnd(24)} ${count((q) => q.roles.includes(r.id))}`);
  for (const s of bank.skills) console.log(`  skill ${s.id.padEnd(24)} ${count((q) => q.skills.includes(s.id))}`);
  for (const d of ['easy', 'medium', 'hard'] as const) console.log(`  ${d.padEnd(18)} ${count((q) => q.difficulty === d)}`);
}

function printQuality(bank: Bank): boolean {
  let failed = 0;
  for (const q of bank.questions) {
    const r = checkQuality(q);
    const line = `${q.id.padEnd(44)} strong ${r.strong.toFixed(2)}  off-topic max ${Math.max(...r.offTopic).toFixed(2)}`;
    if (r.problems.length) {
      failed++;
      console.log(`FAIL ${line}\n       ${r.problems.join('\n       ')}`);
    } else console.log(`ok   ${line}`);
  }
  console.log(`quality: ${bank.questions.length - failed} ok, ${failed} failing`);
  return failed === 0;
}

const args = process.argv.slice(2);
const root = resolve(import.meta.dirname, '../../question-bank');
try {
  const bank = loadBank(root, args.filter((a) => !a.startsWith('--')));
  printCoverage(bank);
  if (args.includes('--quality') && !printQuality(bank)) process.exit(1);
} catch (err) {
  if (err instanceof BankError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
