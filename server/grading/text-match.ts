/**
 * Finds rubric concept terms in free text, for the offline grader. Words are lowercased and
 * Porter-stemmed; a term matches when its stems appear consecutively inside one sentence.
 * A match right after a negation ("not", "no", "without", "n't") does not count, so
 * "leakage is not a concern" does not cover "leakage".
 */
import { stemmer } from 'stemmer';

export interface Token {
  stem: string;
  start: number;
  end: number;
  sentence: number;
  negator: boolean;
  functionWord: boolean;
}

export interface Sentence {
  start: number;
  end: number;
}

export interface AnalyzedText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'neither', 'nor', 'none', 'cannot', 'nothing', 'nobody']);
const NEGATOR_STEMS = new Set([...NEGATORS].map((w) => stemmer(w)));

// Common English function words: natural prose is roughly 40% these; a buzzword list is almost none.
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but if then so as of to in on at by for with from into onto about over under than that this ' +
    'these those it its is are was were be been being am do does did have has had will would can could should may ' +
    'might must i we you he she they me us my our your their what which who when where why how there here not no ' +
    'all any each some more most very also just only because since while after before until up out off again ' +
    'same other such both few own too once'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Sentence boundaries: . ! ? followed by space or end, ; and line breaks. */
function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /[.!?]+(?=\s|$)|[;\n]+/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

const stemCache = new Map<string, string>();
function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size < 50_000) stemCache.set(word, s);
  }
  return s;
}

export function analyze(text: string): AnalyzedText {
  const sentences = splitSentences(text);
  const tokens: Token[] = [];
  let si = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    while (si < sentences.length - 1 && m.index >= sentences[si]!.end) si++;
    // "don't" tokenizes as "don" + "t": the "t" after an apostrophe is a negation.
    const prev = text[m.index - 1];
    const apostropheT = word === 't' && (prev === "'" || prev === '\u2019');
    tokens.push({
      // "isn't" reads as "isn not", so a term like "not available" matches it.
      stem: apostropheT ? 'not' : stem(word),
      start: m.index,
      end: m.index + m[0].length,
      sentence: si,
      negator: NEGATORS.has(word) || apostropheT,
      functionWord: FUNCTION_WORDS.has(word) || apostropheT,
    });
  }
  return { text, tokens, sentences };
}

/** The stems of a term, as the matcher sees them ("O(n log n)" -> o, n, log, n). */
/** A rubric term that matches any number in the answer ("cut errors by 30%", "2.5 million"). */
export const NUMBER_TERM = '<number>';
const NUMBER_STEM = '\u0000number';

const termCache = new Map<string, string[]>();
/** The stems of a term, read exactly as answers are read ("hadn't" -> hadn, not). */
export function termStems(term: string): string[] {
  let stems = termCache.get(term);
  if (!stems) {
    stems = term.trim() === NUMBER_TERM ? [NUMBER_STEM] : analyze(term).tokens.map((t) => t.stem);
    if (termCache.size < 50_000) termCache.set(term, stems);
  }
  return stems;
}

const matches = (token: Token, s: string) => token.stem === s || (s === NUMBER_STEM && /^\d/.test(token.stem));

export interface TermMatch {
  /** Index of the first token of the match. */
  index: number;
  length: number;
  sentence: number;
  negated: boolean;
}

const NEGATION_WINDOW = 5;
/** Words that end a negation's reach ("no time, but leakage matters"). */
const SCOPE_BREAKERS = new Set(['but', 'because', 'so', 'although', 'though', 'however', 'while', 'whereas', 'yet'].map((w) => stemmer(w)));
/** Words that turn a negation back ("don't ignore leakage", "not only leakage"). */
const NEGATION_FLIPPERS = new Set(['ignore', 'forget', 'overlook', 'miss', 'neglect', 'underestimate', 'only', 'just'].map((w) => stemmer(w)));

/** True when a negator governs the token at `i`: within a few words, same clause, not flipped back. */
function isNegated(analyzed: AnalyzedText, i: number, sentence: number): boolean {
  const { tokens, text } = analyzed;
  for (let k = i - 1; k >= Math.max(0, i - NEGATION_WINDOW); k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || SCOPE_BREAKERS.has(t.stem) || NEGATION_FLIPPERS.has(t.stem)) return false;
    // Punctuation between two words also ends the clause.
    if (/[,:;()]/.test(text.slice(t.end, tokens[k + 1]!.start))) return false;
    if (t.negator) return true;
  }
  return false;
}

/** Every occurrence of `stems` in the text, each marked negated when a negator precedes it closely. */
export function findTerm(analyzed: AnalyzedText, stems: string[]): TermMatch[] {
  const { tokens } = analyzed;
  const out: TermMatch[] = [];
  if (stems.length === 0) return out;
  outer: for (let i = 0; i + stems.length <= tokens.length; i++) {
    const sentence = tokens[i]!.sentence;
    for (let j = 0; j < stems.length; j++) {
      const t = tokens[i + j]!;
      if (!matches(t, stems[j]!) || t.sentence !== sentence) continue outer;
    }
    // A term that carries its own negation ("not available at prediction time") is not negated again.
    const selfNegated = stems.some((st) => NEGATOR_STEMS.has(st));
    const negated = !selfNegated && isNegated(analyzed, i, sentence);
    out.push({ index: i, length: stems.length, sentence, negated });
  }
  return out;
}

/** The sentence's text, trimmed, cut around `at` to at most `max` characters: an exact substring of the answer. */
export function quoteSentence(analyzed: AnalyzedText, sentence: number, at: number, max = 240): string {
  const s = analyzed.sentences[sentence];
  if (!s) return '';
  let start = s.start;
  let end = s.end;
  if (end - start > max) {
    start = Math.max(s.start, at - Math.floor(max / 3));
    end = Math.min(s.end, start + max);
  }
  return analyzed.text.slice(start, end).trim().replace(/^[-*•\s]+/, '');
}
