/**
 * Checks a grader's output against the answer and the rubric before anyone sees it: quotes
 * must come from the answer, scores must sit on the scale, every criterion appears once, and a
 * positive score needs evidence. What it fixes, it flags, so the candidate can see it.
 */
import { MAX_SCORE, type Criterion } from '../bank/schema.ts';
import type { CriterionGrade, GradeFlag } from './types.ts';
import { looksLikeInjection } from './injection.ts';

/** Lowercase, unify quotes and dashes, collapse white space: models re-type quotes loosely. */
function canonical(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Finds `quote` in `answer` (loosely) and returns the answer's own text for it, or undefined. */
export function locateQuote(answer: string, quote: string): string | undefined {
  const q = canonical(quote.replace(/^["'\u201C\u2018]+|["'\u201D\u2019]+$/g, '').replace(/^\.\.\.|\.\.\.$/g, ''));
  if (q.length < 3) return undefined;
  // Map each canonical character back to its position in the original answer.
  const positions: number[] = [];
  let canon = '';
  let lastSpace = true;
  for (let i = 0; i < answer.length; i++) {
    const c = canonical(answer[i]!) || ' ';
    if (c === ' ') {
      if (lastSpace) continue;
      lastSpace = true;
    } else lastSpace = false;
    for (const ch of c) {
      canon += ch;
      positions.push(i);
    }
  }
  const at = canon.indexOf(q);
  if (at < 0) return undefined;
  return answer.slice(positions[at]!, positions[at + q.length - 1]! + 1);
}

export interface RawCriterionGrade {
  criterionId: string;
  score: number | null;
  evidence: string[];
  missing: string[];
  rationale: string;
}

/**
 * Reconciles raw per-criterion grades with the rubric and the answer. `sourceText` is everything
 * the candidate wrote for this question (answers, follow-up answers, code).
 */
export function checkGrades(
  rubric: Criterion[],
  raw: RawCriterionGrade[],
  sourceText: string,
): { criteria: CriterionGrade[]; flags: GradeFlag[] } {
  const flags = new Set<GradeFlag>();
  const byId = new Map<string, RawCriterionGrade>();
  for (const r of raw) {
    if (!rubric.some((c) => c.id === r.criterionId) || byId.has(r.criterionId)) flags.add('criteria_repaired');
    else byId.set(r.criterionId, r);
  }
  const criteria = rubric.map((c): CriterionGrade => {
    const r = byId.get(c.id);
    if (!r) {
      flags.add('criteria_repaired');
      return { criterionId: c.id, score: null, evidence: [], missing: c.concepts.map((k) => k.label), rationale: 'The grader gave no score for this criterion.' };
    }
    let score = r.score;
    if (score !== null) {
      const clamped = Math.min(MAX_SCORE, Math.max(0, Math.round(Number.isFinite(score) ? score : 0)));
      if (clamped !== score) flags.add('score_clamped');
      score = clamped;
    }
    const evidence: string[] = [];
    for (const quote of r.evidence) {
      const found = locateQuote(sourceText, quote);
      if (!found) flags.add('evidence_dropped');
      else if (looksLikeInjection(found)) {
        // Text addressed to the grader shows no skill, whatever the grader made of it.
        flags.add('evidence_dropped');
        flags.add('injection_suspected');
      } else if (!evidence.includes(found)) evidence.push(found);
    }
    if (c.source === 'concepts' && score !== null && score > 0 && evidence.length === 0) {
      flags.add('unsupported_score');
      return { criterionId: c.id, score: null, evidence, missing: r.missing, rationale: `No quote from the answer supports a score here, so it counts as insufficient evidence. (Grader said: ${r.rationale})` };
    }
    return { criterionId: c.id, score, evidence, missing: r.missing, rationale: r.rationale };
  });
  return { criteria, flags: [...flags] };
}
