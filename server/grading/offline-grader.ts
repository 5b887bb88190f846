/**
 * The embedded grader: scores each rubric criterion from the concepts an answer covers.
 * Transparent on purpose: every score comes with the sentences that earned it and the
 * concepts that were missing. It rewards coverage with reasoning, not vocabulary: a buzzword
 * list, or terms under a negation, earn nothing.
 */
import type { Criterion, Question } from '../bank/schema.ts';
import { analyze, findTerm, quoteSentence, termStems, type AnalyzedText } from './text-match.ts';
import { testsScore } from './scoring.ts';
import { looksLikeInjection } from './injection.ts';
import type { CriterionGrade, GradeFlag, GradeOutput, TestOutcome } from './types.ts';

/** Covering this many concepts of a criterion counts as full coverage (long concept lists are menus). */
const FULL_COVERAGE = 4;
/** A sentence covering many concepts in few words, with few function words, is a buzzword list. */
const STUFFED_WORDS_PER_CONCEPT = 4;
const STUFFED_MAX_FUNCTION_SHARE = 0.3;
/** Natural prose is well under half rubric terms; a pasted term list is nearly all terms. */
const STUFFED_MAX_TERM_SHARE = 0.6;
const STUFFED_MIN_GLUE_SHARE = 0.1;
const STUFFED_TERSE_GLUE_SHARE = 0.25;
/** Prose with fewer function words than this is a keyword list (natural English is ~40%). */
const MIN_FUNCTION_WORD_SHARE = 0.15;
/** Answers shorter than this many words cannot show a strong level on any criterion. */
const MIN_WORDS_FOR_STRONG = 15;

const REASONING_MARKERS = [
  'because', 'so that', 'which means', 'this means', 'that means', 'trade off', 'tradeoff', 'instead of',
  'rather than', 'therefore', 'since', 'otherwise', 'as a result', 'in order to', 'the reason', 'so we',
  'so i', 'which is why', 'at the cost of', 'depends on', 'unless', 'whereas',
].map(termStems);

export interface OfflineGradeInput {
  question: Question;
  answer: string;
  /** Coding questions: the submitted code, searched for concepts too (it is part of the answer). */
  code?: string;
  tests?: TestOutcome;
}

interface Source {
  analyzed: AnalyzedText;
  /** Sentence indexes whose matches are ignored (keyword stuffing). */
  ignored: Set<number>;
  prose: boolean;
}

interface ConceptHit {
  /** Where the concept is first covered (the quote shown as evidence). */
  source: Source;
  sentence: number;
  at: number;
  /** Every prose sentence covering the concept: reasoning in any of them counts. */
  proseSentences: Set<number>;
}

function findConcept(sources: Source[], terms: string[]): ConceptHit | undefined {
  let first: ConceptHit | undefined;
  const proseSentences = new Set<number>();
  for (const source of sources) {
    for (const term of terms) {
      for (const m of findTerm(source.analyzed, termStems(term))) {
        if (m.negated || source.ignored.has(m.sentence)) continue;
        if (source.prose) proseSentences.add(m.sentence);
        first ??= { source, sentence: m.sentence, at: source.analyzed.tokens[m.index]!.start, proseSentences };
      }
    }
  }
  return first;
}

/**
 * Marks sentences that are buzzword lists rather than reasoning, and says whether the prose as a
 * whole is one. A sentence is a list when it covers several concepts and is mostly the terms
 * themselves, or covers them in very few words with hardly any function words.
 */
function detectStuffing(source: Source, question: Question): boolean {
  const { analyzed } = source;
  const conceptsPerSentence = new Map<number, number>();
  const termToken = new Set<number>();
  for (const c of question.rubric.flatMap((r) => r.concepts)) {
    const sentences = new Set<number>();
    for (const term of c.terms)
      for (const m of findTerm(analyzed, termStems(term))) {
        sentences.add(m.sentence);
        for (let k = m.index; k < m.index + m.length; k++) termToken.add(k);
      }
    for (const s of sentences) conceptsPerSentence.set(s, (conceptsPerSentence.get(s) ?? 0) + 1);
  }
  const perSentence = new Map<number, { words: number; functionWords: number; termWords: number; glue: number }>();
  analyzed.tokens.forEach((t, i) => {
    const s = perSentence.get(t.sentence) ?? { words: 0, functionWords: 0, termWords: 0, glue: 0 };
    s.words++;
    if (t.functionWord) s.functionWords++;
    if (termToken.has(i)) s.termWords++;
    // Function words outside any term: the grammar that holds a real sentence together.
    else if (t.functionWord) s.glue++;
    perSentence.set(t.sentence, s);
  });
  for (const [s, n] of conceptsPerSentence) {
    const { words, functionWords, termWords, glue } = perSentence.get(s)!;
    const terse = words / n < STUFFED_WORDS_PER_CONCEPT && functionWords / words < STUFFED_MAX_FUNCTION_SHARE && glue / words < STUFFED_TERSE_GLUE_SHARE;
    const mostlyTerms = termWords / words > STUFFED_MAX_TERM_SHARE && glue / words < STUFFED_MIN_GLUE_SHARE;
    if (n >= 3 && (terse || mostlyTerms)) source.ignored.add(s);
  }
  const words = analyzed.tokens.length;
  const functionShare = words === 0 ? 1 : analyzed.tokens.filter((t) => t.functionWord).length / words;
  const termShare = words === 0 ? 0 : termToken.size / words;
  return words >= 8 && (functionShare < MIN_FUNCTION_WORD_SHARE || termShare > STUFFED_MAX_TERM_SHARE);
}

function hasReasoning(hits: ConceptHit[], prose: AnalyzedText): boolean {
  const sentences = new Set(hits.flatMap((h) => [...h.proseSentences]));
  return REASONING_MARKERS.some((stems) => findTerm(prose, stems).some((m) => sentences.has(m.sentence)));
}

function levelFromCoverage(covered: number, total: number, reasoning: boolean): number {
  const share = covered / Math.min(total, FULL_COVERAGE);
  if (share >= 1) return reasoning ? 4 : 3;
  // Two of three concepts (or three of four) is a strong answer; anchors ask for the main points, not all.
  if (share >= 0.66) return 3;
  if (share >= 0.5) return 2;
  return 1;
}

function gradeCriterion(c: Criterion, sources: Source[], cap: number, tests?: TestOutcome): CriterionGrade {
  if (c.source === 'tests') {
    const { score, rationale } = testsScore(tests);
    return { criterionId: c.id, score, evidence: [], missing: [], rationale };
  }
  const hits: ConceptHit[] = [];
  const missing: string[] = [];
  for (const concept of c.concepts) {
    const hit = findConcept(sources, concept.terms);
    if (hit) hits.push(hit);
    else missing.push(concept.label);
  }
  if (hits.length === 0) {
    return { criterionId: c.id, score: null, evidence: [], missing, rationale: 'The answer does not address this criterion.' };
  }
  const level = Math.min(cap, levelFromCoverage(hits.length, c.concepts.length, hasReasoning(hits, sources[0]!.analyzed)));
  const evidence = [...new Set(hits.map((h) => quoteSentence(h.source.analyzed, h.sentence, h.at)))].filter(Boolean).slice(0, 3);
  const coveredLabels = c.concepts.filter((k) => !missing.includes(k.label)).map((k) => k.label);
  return {
    criterionId: c.id,
    score: level,
    evidence,
    missing,
    // The anchor for the level is shown beside the score; the rationale says what earned it.
    rationale: `Covers ${hits.length} of ${c.concepts.length} key points (${coveredLabels.join('; ')})${level === 4 ? ', with reasoning' : ''}${
      cap < 4 && level === cap ? (cap === 1 ? '; capped because the answer reads as a list of terms' : '; capped because the answer is very short') : ''
    }.`,
  };
}

function feedbackFor(question: Question, grades: CriterionGrade[]): { feedback: string; nextStep: string } {
  const named = grades.map((g) => ({ g, c: question.rubric.find((c) => c.id === g.criterionId)! }));
  const strong = named.filter(({ g }) => (g.score ?? 0) >= 3).map(({ c }) => c.name.toLowerCase());
  const weak = named
    .filter(({ g }) => (g.score ?? 0) < 3)
    .sort((a, b) => b.c.weight * (4 - (b.g.score ?? 0)) - a.c.weight * (4 - (a.g.score ?? 0)));
  const parts: string[] = [];
  if (strong.length) parts.push(`Strongest on: ${strong.join(', ')}.`);
  for (const { g, c } of weak.slice(0, 3)) {
    parts.push(
      g.score === null
        ? `${c.name}: not addressed${g.missing.length ? ` (a strong answer mentions ${g.missing.slice(0, 3).join('; ')})` : ''}.`
        : `${c.name}: ${g.rationale}${g.missing.length ? ` Missing: ${g.missing.slice(0, 3).join('; ')}.` : ''}`,
    );
  }
  if (!parts.length) parts.push('No criterion was addressed.');
  const worst = weak[0]?.c ?? named[0]!.c;
  return { feedback: parts.join(' '), nextStep: worst.tip };
}

export function gradeOffline(input: OfflineGradeInput): GradeOutput {
  const flags: GradeFlag[] = [];
  const prose: Source = { analyzed: analyze(input.answer), ignored: new Set(), prose: true };
  const sources: Source[] = [prose];
  if (input.code?.trim()) sources.push({ analyzed: analyze(input.code), ignored: new Set(), prose: false });

  const keywordList = detectStuffing(prose, input.question);
  if (keywordList || prose.ignored.size > 0) flags.push('keyword_stuffing');
  // Sentences addressed to the grader earn nothing, whatever terms they contain.
  prose.analyzed.sentences.forEach((s, i) => {
    if (looksLikeInjection(input.answer.slice(s.start, s.end))) {
      prose.ignored.add(i);
      if (!flags.includes('injection_suspected')) flags.push('injection_suspected');
    }
  });
  // A keyword list shows no reasoning: each criterion it touches is capped at "very weak".
  const words = sources.reduce((n, s) => n + s.analyzed.tokens.length, 0);
  const cap = keywordList ? 1 : words < MIN_WORDS_FOR_STRONG ? 2 : 4;

  const criteria = input.question.rubric.map((c) => gradeCriterion(c, sources, cap, input.tests));
  return { criteria, ...feedbackFor(input.question, criteria), flags };
}
