/**
 * The session report, derived from stored grades on every read (nothing to keep in sync):
 * a verdict per stage with how it follows from the criteria, scores per skill, and the weakest
 * criteria with what to do about them.
 */
import type { Bank } from '../bank/load.ts';
import { MAX_SCORE, type Stage } from '../bank/schema.ts';
import { answerLevel, round2, stageLevel, VERDICT_LABELS, VERDICT_THRESHOLDS, verdictFor, type Verdict } from '../grading/scoring.ts';
import type { GradeOutput } from '../grading/types.ts';
import type { GradeRow, ItemRow, SummaryRow } from './queries.ts';

export interface WeakCriterion {
  itemId: string;
  questionId: string;
  questionTitle: string;
  criterionId: string;
  criterionName: string;
  score: number | null;
  weight: number;
  tip: string;
  followUp: string;
}

export interface StageReport {
  stage: Stage;
  name: string;
  questions: number;
  graded: number;
  pending: number;
  /** Null until at least one answer of the stage is graded. */
  level: number | null;
  verdict: Verdict | null;
  verdictLabel: string | null;
  /** How the verdict follows: the level against the thresholds. */
  explanation: string | null;
  /** True while some grades are provisional (offline stand-ins for a failed model grade). */
  provisional: boolean;
  summary: { text: string; grader: 'llm' | 'offline'; model: string | null } | null;
}

export interface SkillScore {
  skill: string;
  name: string;
  level: number;
  answers: number;
}

export interface SessionReport {
  stages: StageReport[];
  overall: { level: number | null; verdict: Verdict | null; verdictLabel: string | null; summary: string | null };
  skills: SkillScore[];
  weakest: WeakCriterion[];
  /** The stage with the lowest level: the one to drill next. */
  weakestStage: Stage | null;
  thresholds: typeof VERDICT_THRESHOLDS;
}

const FINAL = new Set(['done', 'provisional']);

function thresholdText(level: number, verdict: Verdict): string {
  const t = VERDICT_THRESHOLDS.find((x) => x.verdict === verdict)!;
  const above = VERDICT_THRESHOLDS[VERDICT_THRESHOLDS.indexOf(t) - 1];
  return `Average level ${round2(level)} of ${MAX_SCORE}: ${VERDICT_LABELS[verdict]} needs at least ${t.min}${
    above ? `; ${VERDICT_LABELS[above.verdict]} needs ${above.min}` : ''
  }.`;
}

export function offlineStageSummary(stage: StageReport, weakest: WeakCriterion[]): string {
  if (stage.level === null || !stage.verdictLabel) return '';
  const weak = weakest.slice(0, 2).map((w) => `${w.criterionName.toLowerCase()} (in "${w.questionTitle}")`);
  return `${stage.name}: ${stage.verdictLabel}, average level ${round2(stage.level)} of ${MAX_SCORE} over ${stage.graded} graded answer${
    stage.graded === 1 ? '' : 's'
  }.${weak.length ? ` Weakest: ${weak.join(' and ')}.` : ''}${weakest[0] ? ` First step: ${weakest[0].tip}` : ''}`;
}

/** Across stages: where the loop went best and worst, and what to do first. Null until two stages are graded. */
function loopSummary(stages: StageReport[], weakest: WeakCriterion[]): string | null {
  const graded = stages.filter((s) => s.level !== null && s.graded === s.questions);
  if (graded.length < 2) return null;
  const sorted = [...graded].sort((a, b) => b.level! - a.level!);
  const best = sorted[0]!;
  const worst = sorted.at(-1)!;
  const first = weakest[0];
  return `Across ${graded.length} stages, your strongest was the ${best.name} (${best.verdictLabel}, level ${best.level}) and your weakest the ${worst.name} (${
    worst.verdictLabel
  }, level ${worst.level}).${first ? ` Work first on ${first.criterionName.toLowerCase()}: ${first.tip}` : ''}`;
}

export function buildReport(bank: Bank, items: ItemRow[], grades: GradeRow[], summaries: SummaryRow[]): SessionReport {
  const gradeOf = new Map(grades.filter((g) => g.current).map((g) => [g.itemId, g]));
  const stages = [...new Set(items.map((i) => i.stage as Stage))];
  const weakAll: WeakCriterion[] = [];
  const skillLevels = new Map<string, number[]>();
  const stageReports: StageReport[] = stages.map((stage) => {
    const stageItems = items.filter((i) => i.stage === stage);
    const levels: number[] = [];
    let pending = 0;
    let provisional = false;
    const stageWeak: WeakCriterion[] = [];
    for (const item of stageItems) {
      const g = gradeOf.get(item.id);
      const q = bank.byId.get(item.questionId);
      if (!g || !q) continue;
      if (g.status === 'pending') pending++;
      if (!FINAL.has(g.status) || !g.result) continue;
      if (g.status === 'provisional') provisional = true;
      const out = g.result as GradeOutput;
      const level = answerLevel(q.rubric, out.criteria);
      levels.push(level);
      for (const s of q.skills) skillLevels.set(s, [...(skillLevels.get(s) ?? []), level]);
      for (const c of q.rubric) {
        const cg = out.criteria.find((x) => x.criterionId === c.id);
        if ((cg?.score ?? 0) < 3)
          stageWeak.push({
            itemId: item.id,
            questionId: q.id,
            questionTitle: q.title,
            criterionId: c.id,
            criterionName: c.name,
            score: cg?.score ?? null,
            weight: c.weight,
            tip: c.tip,
            followUp: c.follow_up,
          });
      }
    }
    stageWeak.sort((a, b) => b.weight * (4 - (b.score ?? 0)) - a.weight * (4 - (a.score ?? 0)));
    weakAll.push(...stageWeak);
    const level = levels.length ? stageLevel(levels) : null;
    const verdict = level === null ? null : verdictFor(level);
    const report: StageReport = {
      stage,
      name: bank.manifest.stages.find((s) => s.id === stage)!.name,
      questions: stageItems.length,
      graded: levels.length,
      pending,
      level: level === null ? null : round2(level),
      verdict,
      verdictLabel: verdict ? VERDICT_LABELS[verdict] : null,
      explanation: level !== null && verdict ? thresholdText(level, verdict) : null,
      provisional,
      summary: null,
    };
    const stored = summaries.find((s) => s.stage === stage);
    const complete = report.graded === report.questions;
    report.summary = stored
      ? { text: stored.text, grader: stored.grader, model: stored.model }
      : complete
        ? { text: offlineStageSummary(report, stageWeak), grader: 'offline', model: null }
        : null;
    return report;
  });
  const graded = stageReports.filter((s) => s.level !== null);
  const overallLevel = graded.length ? stageLevel(graded.map((s) => s.level!)) : null;
  const overallVerdict = overallLevel === null ? null : verdictFor(overallLevel);
  weakAll.sort((a, b) => b.weight * (4 - (b.score ?? 0)) - a.weight * (4 - (a.score ?? 0)));
  const weakestStage = graded.length ? [...graded].sort((a, b) => a.level! - b.level!)[0]!.stage : null;
  return {
    stages: stageReports,
    overall: {
      level: overallLevel === null ? null : round2(overallLevel),
      verdict: overallVerdict,
      verdictLabel: overallVerdict ? VERDICT_LABELS[overallVerdict] : null,
      summary: loopSummary(stageReports, weakAll),
    },
    skills: [...skillLevels].map(([skill, ls]) => ({
      skill,
      name: bank.skills.find((s) => s.id === skill)?.name ?? skill,
      level: round2(stageLevel(ls)),
      answers: ls.length,
    })),
    weakest: weakAll.slice(0, 5),
    weakestStage,
    thresholds: VERDICT_THRESHOLDS,
  };
}
