/** /api/status and /api/bank: which grader is active, the runner's isolation, and what the bank holds. */
import { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { graderInfo } from '../interview/session-view.ts';
import { MAX_SCORE } from '../bank/schema.ts';
import { VERDICT_LABELS, VERDICT_THRESHOLDS } from '../grading/scoring.ts';

export function metaRoutes(deps: Deps) {
  return new Hono()
    .get('/status', (c) =>
      c.json(
        {
          ok: true,
          grader: graderInfo(deps),
          bankVersion: deps.bank.version,
          runner: deps.runner ? deps.runner.status() : null,
        },
        200,
      ),
    )
    .get('/bank', (c) => {
      const qs = deps.bank.questions;
      return c.json(
        {
          version: deps.bank.version,
          name: deps.bank.manifest.name,
          // The one score scale every criterion uses, and the verdict thresholds on it.
          scale: {
            min: 0,
            max: MAX_SCORE,
            labels: ['absent or wrong', 'very weak', 'weak', 'strong', 'very strong'],
            verdicts: VERDICT_THRESHOLDS.map((t) => ({ ...t, label: VERDICT_LABELS[t.verdict] })),
          },
          questionCount: qs.length,
          stages: deps.bank.manifest.stages.map((s) => ({
            ...s,
            questionCount: qs.filter((q) => q.stage === s.id).length,
            byDifficulty: Object.fromEntries(['easy', 'medium', 'hard'].map((d) => [d, qs.filter((q) => q.stage === s.id && q.difficulty === d).length])),
            ...(s.id === 'coding'
              ? { byLanguage: { python: qs.filter((q) => q.coding?.language === 'python').length, sql: qs.filter((q) => q.coding?.language === 'sql').length } }
              : {}),
          })),
          roles: deps.bank.roles.map((r) => ({ id: r.id, name: r.name, summary: r.summary, stageWeights: r.stage_weights, skillTargets: r.skill_targets })),
          skills: deps.bank.skills,
          packs: deps.bank.packs.map((p) => ({ id: p.id, name: p.name, version: p.version, questionCount: p.questionCount })),
        },
        200,
      );
    });
}
