/**
 * Finds evidence quotes inside the candidate's own text and splits the text into segments, so
 * the view can wrap the quoted parts in <mark> nodes. Only text is ever produced: no HTML string
 * is built from an answer. Matching is as loose as the server's (case, quotes, dashes and white
 * space), because the grader's quotes were checked that way.
 */
export interface Quote {
  quote: string;
  /** Who the quote belongs to (a criterion id): segments report every key that covers them. */
  key: string;
}

export interface Segment {
  text: string;
  /** Keys of the quotes covering this segment; empty for plain text. */
  keys: string[];
}

function canonicalChar(ch: string): string {
  return ch
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .toLowerCase();
}

function canonicalQuote(q: string): string {
  return Array.from(q.trim().replace(/^["'\u201C\u2018]+|["'\u201D\u2019]+$/g, '').replace(/^\.\.\.|\.\.\.$/g, ''))
    .map(canonicalChar)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text in canonical form, with the original index of every canonical character. */
function canonicalText(text: string): { canon: string; positions: number[] } {
  let canon = '';
  const positions: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = canonicalChar(text[i]!);
    const isSpace = /^\s*$/.test(c);
    if (isSpace) {
      if (lastSpace) continue;
      canon += ' ';
      positions.push(i);
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    for (const ch of c) {
      canon += ch;
      positions.push(i);
    }
  }
  return { canon, positions };
}

/** Every [start, end) range of `text` that matches one of the quotes, with the quote's key. */
export function findQuotes(text: string, quotes: Quote[]): Array<{ start: number; end: number; key: string }> {
  const { canon, positions } = canonicalText(text);
  const out: Array<{ start: number; end: number; key: string }> = [];
  for (const { quote, key } of quotes) {
    const q = canonicalQuote(quote);
    if (q.length < 3) continue;
    for (let at = canon.indexOf(q); at >= 0; at = canon.indexOf(q, at + q.length)) {
      out.push({ start: positions[at]!, end: positions[at + q.length - 1]! + 1, key });
    }
  }
  return out;
}

/** Splits `text` into plain and quoted segments; overlapping quotes share segments. */
export function highlightSegments(text: string, quotes: Quote[]): Segment[] {
  const ranges = findQuotes(text, quotes);
  if (ranges.length === 0) return text ? [{ text, keys: [] }] : [];
  const cuts = new Set<number>([0, text.length]);
  for (const r of ranges) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    if (end <= start) continue;
    const keys = [...new Set(ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.key))];
    const prev = segments.at(-1);
    // Merge neighbours with the same keys so the DOM gets one <mark> per quote, not one per cut.
    if (prev && prev.keys.join('\u0000') === keys.join('\u0000')) prev.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), keys });
  }
  return segments;
}
