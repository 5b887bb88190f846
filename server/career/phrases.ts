/**
 * Finds weighted phrases in a job description with the grader's matcher (text-match.ts): a phrase
 * must sit inside one sentence, and a negated mention ("no PhD needed", "a PhD is not required")
 * does not count. Words must also agree after a light inflection normaliser (plurals, -ing, -ed:
 * "dashboards" matches "dashboard", "automating deployments" matches "automate deployments"),
 * stricter than the grader's Porter stems, which let "excellent" match "excel". A phrase found only
 * in nice-to-have text (a sentence saying "is a plus", or a section under a "Nice to have"
 * heading) counts a fraction of its weight. Every hit keeps the sentence it came from.
 */
import { analyze, findTerm, quoteSentence, termStems, type AnalyzedText } from '../grading/text-match.ts';
import { round2 } from '../grading/scoring.ts';
import type { WeightedPhrase } from './schema.ts';

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A word's light normal form: lowercase, then plural and -ing/-ed endings off, with a doubled
 * final consonant undone ("modelling" -> "model", "planning" -> "plan", "scope" -> "scop").
 */
export function lightNormal(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|is|us|ics)$/.test(w)) w = w.slice(0, -1);
  const stripped = w.replace(/(ing|ed)$/, '');
  if (stripped !== w && stripped.length >= 3) {
    w = stripped;
    // "planning" -> "plan", "modelling" -> "model"; but "processed" -> "process", "filled" -> "fill".
    if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ss|ll|ff|zz)$/.test(w)) w = w.slice(0, -1);
    else if (w.endsWith('ll') && w.length > 4) w = w.slice(0, -1);
  } else if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** A phrase's identity for matching: two phrases with the same key are the same phrase. */
export function phraseKey(phrase: string): string {
  return [...phrase.matchAll(WORD)].map((m) => lightNormal(m[0])).join(' ');
}

export interface PreparedText {
  analyzed: AnalyzedText;
  /** Character ranges [start, end) of nice-to-have text. */
  nice: Array<[number, number]>;
}

export interface PhraseHit {
  phrase: string;
  weight: number;
  /** How many times it occurs (not negated). It counts once, whatever the count. */
  count: number;
  /** Every occurrence is in nice-to-have text, so it counts `weight * nice_to_have_factor`. */
  niceToHaveOnly: boolean;
  contribution: number;
  /** The sentence of the first (required, if any) occurrence: an exact substring of the posting. */
  quote: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function markerPattern(markers: string[]): RegExp {
  // Word boundaries on both sides, so "bonus" does not match "bonuses are paid quarterly" halfway.
  return new RegExp(`(^|[^\\p{L}\\p{N}])(${markers.map((m) => escape(m.toLowerCase())).join('|')})(?=$|[^\\p{L}\\p{N}])`, 'u');
}

/** A short line that introduces a list: "Nice to have", "Requirements:", "## About you". */
function isHeading(line: string): boolean {
  const t = line.trim();
  if (!t || /^[-*•·]/.test(t)) return false;
  if (t.startsWith('#')) return true;
  if (t.endsWith(':') && t.length <= 80) return true;
  return t.length <= 50 && !/[.!?;,]$/.test(t) && t.split(/\s+/).length <= 7;
}

/** Analyses the text once and marks its nice-to-have parts. */
export function prepareText(text: string, niceMarkers: string[]): PreparedText {
  const analyzed = analyze(text);
  const marker = markerPattern(niceMarkers);
  const nice: Array<[number, number]> = [];
  let offset = 0;
  let inNiceSection = false;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (isHeading(line)) {
      inNiceSection = marker.test(line.toLowerCase());
      continue;
    }
    if (inNiceSection && line.trim()) nice.push([start, start + line.length]);
  }
  for (const s of analyzed.sentences) if (marker.test(text.slice(s.start, s.end).toLowerCase())) nice.push([s.start, s.end]);
  return { analyzed, nice };
}

/** Postings negate after the fact too: "A PhD is not required", "Python is optional". */
const WAIVED_AFTER = /^[\s,]*(?:(?:is|are|would be|will be)\s+)?(?:(?:not|n't|never)\s+(?:required|necessary|needed|essential|expected|mandatory|a must)|optional)\b/i;

function waivedAfter(p: PreparedText, lastToken: number): boolean {
  const t = p.analyzed.tokens[lastToken]!;
  const s = p.analyzed.sentences[t.sentence]!;
  return WAIVED_AFTER.test(p.analyzed.text.slice(t.end, s.end));
}

const inNice = (p: PreparedText, at: number) => p.nice.some(([s, e]) => at >= s && at < e);

/** The phrases that occur in the text, each with its contribution; phrases not found are left out. */
export function matchPhrases(p: PreparedText, phrases: WeightedPhrase[], niceFactor: number): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const { phrase, weight } of phrases) {
    const key = phraseKey(phrase).split(' ');
    const { tokens, text } = p.analyzed;
    // Porter stems find candidates (and negation); the light normal form confirms each word.
    const matches = findTerm(p.analyzed, termStems(phrase)).filter(
      (m) => !m.negated && !waivedAfter(p, m.index + m.length - 1) && key.every((k, j) => lightNormal(text.slice(tokens[m.index + j]!.start, tokens[m.index + j]!.end)) === k),
    );
    if (matches.length === 0) continue;
    const located = matches.map((m) => ({ m, at: p.analyzed.tokens[m.index]!.start }));
    const required = located.find((x) => !inNice(p, x.at));
    const first = required ?? located[0]!;
    const niceToHaveOnly = !required;
    hits.push({
      phrase,
      weight,
      count: matches.length,
      niceToHaveOnly,
      contribution: round2(niceToHaveOnly ? weight * niceFactor : weight),
      quote: quoteSentence(p.analyzed, first.m.sentence, first.at, 200),
    });
  }
  return hits.sort((a, b) => b.contribution - a.contribution || a.phrase.localeCompare(b.phrase));
}

export const sumContributions = (hits: PhraseHit[]) => round2(hits.reduce((a, h) => a + h.contribution, 0));

/** Lowercase, punctuation to spaces, single spaces: how titles and patterns are compared. */
export function normalizeTitle(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}
