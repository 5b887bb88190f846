/** Collects a run's stdout or stderr up to a byte limit; past it, text is dropped and a note says so. */
export class OutputBuffer {
  private parts: string[] = [];
  private bytes = 0;
  truncated = false;

  constructor(private readonly limitBytes: number) {}

  append(text: string): void {
    if (this.truncated) return;
    const size = Buffer.byteLength(text);
    if (this.bytes + size <= this.limitBytes) {
      this.parts.push(text);
      this.bytes += size;
      return;
    }
    // Keep what fits, cut on a character boundary (a byte cut could split a multi-byte character).
    const room = this.limitBytes - this.bytes;
    const kept = Buffer.from(text).subarray(0, room).toString('utf8').replace(/\uFFFD$/, '');
    this.parts.push(kept);
    this.bytes += Buffer.byteLength(kept);
    this.truncated = true;
  }

  /** Marks the text as cut even though the cut happened elsewhere (in the sandbox). */
  markTruncated(): void {
    this.truncated = true;
  }

  text(): string {
    const body = this.parts.join('');
    if (!this.truncated) return body;
    return `${body}${body.endsWith('\n') || body === '' ? '' : '\n'}[output truncated: more than ${formatBytes(this.limitBytes)}]`;
  }
}

function formatBytes(n: number): string {
  return n >= 1024 && n % 1024 === 0 ? `${n / 1024} KB` : `${n} bytes`;
}
