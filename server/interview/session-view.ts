/**
 * What the API shows of a session: the plan, the transcript, every grade with its criteria
 * (score, anchor, evidence, what was missing), code runs and the report. Hidden tests and
 * reference solutions never leave the server.
 */
import type { Bank, LoadedQuestion } from '../bank/load.ts';
import type { RunResult } from '../coding/types.ts';
import type { Deps } from '../deps.ts';
import { GRADE_FLAGS, type GradeOutput } from '../grading/types.ts';
import { toPercent } from '../grading/scoring.ts';
import {
  getCodeRunsOfSession,
  getCurrentGradesOfSession,
  getItemsOfSession,
  getMessagesOfSession,
  getSessionById,
  getSummariesOfSession,
  type CodeRunRow,
  type GradeRow,
  type ItemRow,
  type MessageRow,
  type SessionRow,
} from './queries.ts';
import { buildReport } from './report.ts';

export function publicQuestion(q: LoadedQuestion) {
  const coding = q.coding
    ? q.coding.language === 'python'
      ? {
          language: 'python' as const,
          functionName: q.coding.function,
          starter: q.coding.starter,
          examples: q.coding.examples.map((e) => ({ args: e.args, expected: e.expected, raises: e.raises, note: e.note })),
          hiddenTests: q.coding.tests.length,
        }
      : {
          language: 'sql' as const,
          schema: q.coding.schema,
          starter: q.coding.starter,
          examples: q.coding.examples.map((e) => ({ seed: e.seed, expected: e.expected, note: e.note })),
          orderMatters: q.coding.order_matters,
          hiddenTests: q.coding.tests.length,
        }
    : null;
  return {
    id: q.id,
    revision: q.revision,
    source: q.source,
    title: q.title,
    stage: q.stage,
    difficulty: q.difficulty,
    minutes: q.minutes,
    prompt: q.prompt,
    skills: q.skills,
    roles: q.roles,
    coding,
  };
}

const FLAG_TEXT: Record<(typeof GRADE_FLAGS)[number], string> = {
  evidence_dropped: 'The grader quoted words that are not in your answer; those quotes were removed.',
  score_clamped: 'The grader gave a score outside the 0-4 scale; it was clamped.',
  unsupported_score: 'A score had no supporting quote from your answer, so it counts as insufficient evidence.',
  criteria_repaired: 'The grader skipped or invented criteria; skipped ones count as insufficient evidence.',
  keyword_stuffing: 'Parts of the answer list terms without reasoning; those parts earned no credit.',
  offline_fallback: 'The model could not grade this answer, so the offline grader did. Re-grade it later for a model grade.',
  injection_suspected: 'Parts of the answer address the grader (asking for scores or giving it instructions); they earned no credit.',
};

export function gradeView(bank: Bank, item: ItemRow, g: GradeRow) {
  const q = bank.byId.get(item.questionId);
  const out = g.result as GradeOutput | null;
  return {
    id: g.id,
    itemId: g.itemId,
    attempt: g.attempt,
    status: g.status,
    grader: g.grader,
    model: g.model,
    promptRef: g.promptRef,
    bankVersion: g.bankVersion,
    questionRevision: g.questionRevision,
    level: g.level,
    percent: g.level === null ? null : toPercent(g.level),
    error: g.error,
    createdAt: g.createdAt,
    completedAt: g.completedAt,
    criteria:
      out && q
        ? q.rubric.map((c) => {
            const cg = out.criteria.find((x) => x.criterionId === c.id);
            const score = cg?.score ?? null;
            return {
              criterionId: c.id,
              name: c.name,
              weight: c.weight,
              source: c.source,
              score,
              anchor: score === null ? null : c.anchors[score as 0 | 1 | 2 | 3 | 4],
              evidence: cg?.evidence ?? [],
              missing: cg?.missing ?? [],
              rationale: cg?.rationale ?? '',
              tip: c.tip,
            };
          })
        : [],
    feedback: out?.feedback ?? null,
    nextStep: out?.nextStep ?? null,
    flags: (out?.flags ?? []).map((f) => ({ flag: f, text: FLAG_TEXT[f] })),
    strongAnswer: out && q ? q.strong_answer : [],
  };
}

export function messageView(m: MessageRow) {
  return {
    id: m.id,
    seq: m.seq,
    itemId: m.itemId,
    author: m.author,
    kind: m.kind,
    criterionId: m.criterionId,
    text: m.text,
    code: m.code,
    source: m.source,
    model: m.model,
    promptRef: m.promptRef,
    createdAt: m.createdAt,
  };
}

export function runView(r: CodeRunRow) {
  return { id: r.id, itemId: r.itemId, mode: r.mode, language: r.language, code: r.code, result: r.result as RunResult | null, createdAt: r.createdAt };
}

export function sessionSummaryView(s: SessionRow) {
  return {
    id: s.id,
    candidateId: s.candidateId,
    role: s.role,
    mode: s.mode,
    drillStage: s.drillStage,
    difficulty: s.difficulty,
    status: s.status,
    feedback: s.feedback,
    bankVersion: s.bankVersion,
    jobAnalysisId: s.jobAnalysisId,
    createdAt: s.createdAt,
    finishedAt: s.finishedAt,
  };
}

export async function getSessionView(deps: Deps, id: string) {
  const session = await getSessionById(deps.db, { id });
  const [itemRows, messageRows, gradeRows, runRows, summaryRows] = await Promise.all([
    getItemsOfSession(deps.db, { sessionId: id }),
    getMessagesOfSession(deps.db, { sessionId: id }),
    getCurrentGradesOfSession(deps.db, { sessionId: id }),
    getCodeRunsOfSession(deps.db, { sessionId: id }),
    getSummariesOfSession(deps.db, { sessionId: id }),
  ]);
  // "Feedback at the end of a stage": grades of a stage still in progress stay hidden.
  const current = itemRows.find((i) => i.status !== 'complete');
  const hidden = (item: ItemRow) => session.feedback === 'stage' && session.status === 'active' && current?.stage === item.stage;
  const report = buildReport(deps.bank, itemRows, gradeRows, summaryRows);
  return {
    session: sessionSummaryView(session),
    items: itemRows.map((item) => {
      const q = deps.bank.byId.get(item.questionId);
      const g = gradeRows.find((x) => x.itemId === item.id);
      return {
        id: item.id,
        position: item.position,
        stage: item.stage,
        status: item.status,
        followUpsAsked: item.followUpsAsked,
        question: q && item.status !== 'pending' ? publicQuestion(q) : null,
        grade: g ? (hidden(item) ? { id: g.id, status: g.status, hiddenUntilStageEnd: true as const } : gradeView(deps.bank, item, g)) : null,
      };
    }),
    messages: messageRows.map(messageView),
    runs: runRows.map(runView),
    report: session.feedback === 'stage' && session.status === 'active' ? { ...report, stages: report.stages.filter((s) => s.stage !== current?.stage) } : report,
    grader: graderInfo(deps),
  };
}

export function graderInfo(deps: Pick<Deps, 'llm'>) {
  return deps.llm
    ? { mode: 'llm' as const, model: deps.llm.model, description: `Graded by the model ${deps.llm.model}, checked against each rubric.` }
    : {
        mode: 'offline' as const,
        model: null,
        description: 'Graded offline: no model is configured, so answers are scored by matching them against each rubric\'s key concepts.',
      };
}
