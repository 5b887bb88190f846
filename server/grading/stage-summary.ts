/**
 * With a model configured, writes the interviewer's debrief of a stage once all its answers are
 * graded. The verdict is never the model's: it is computed from the grades (scoring.ts) and the
 * model only explains it. Without a model, the report's offline summary is used instead.
 */
import type { Deps } from '../deps.ts';
import { summaries } from '../db/schema.ts';
import { getPrompt, renderPrompt } from '../prompts/load.ts';
import { getCurrentGradesOfSession, getItemsOfSession, getSessionById, getSummariesOfSession, isUniqueViolation } from '../interview/queries.ts';
import { buildReport } from '../interview/report.ts';
import type { GradeOutput } from './types.ts';

export async function maybeSummarizeStage(deps: Deps, sessionId: string, stage: string): Promise<void> {
  if (!deps.llm) return;
  const existing = await getSummariesOfSession(deps.db, { sessionId });
  if (existing.some((s) => s.stage === stage)) return;
  const items = await getItemsOfSession(deps.db, { sessionId });
  const grades = await getCurrentGradesOfSession(deps.db, { sessionId });
  const report = buildReport(deps.bank, items, grades, []);
  const st = report.stages.find((s) => s.stage === stage);
  if (!st || st.graded < st.questions || st.level === null || !st.verdictLabel) return;

  const session = await getSessionById(deps.db, { id: sessionId });
  const lines: string[] = [];
  for (const item of items.filter((i) => i.stage === stage)) {
    const q = deps.bank.byId.get(item.questionId)!;
    const out = grades.find((g) => g.itemId === item.id)?.result as GradeOutput | undefined;
    for (const c of q.rubric) {
      const g = out?.criteria.find((x) => x.criterionId === c.id);
      lines.push(`- "${q.title}" / ${c.name}: ${g?.score ?? 'insufficient evidence'} (${g?.rationale ?? ''})`);
    }
  }
  const prompt = getPrompt(deps.prompts, 'stage-summary');
  const text = await deps.llm.text({
    messages: renderPrompt(prompt, {
      role_name: deps.bank.roles.find((r) => r.id === session.role)?.name ?? session.role,
      stage_name: st.name,
      verdict: st.verdictLabel,
      level: String(st.level),
      grades: lines.join('\n'),
    }),
    maxTokens: 400,
    temperature: 0.3,
    fairnessKey: sessionId,
  });
  try {
    await deps.db.insert(summaries).values({
      id: deps.ids(),
      sessionId,
      stage,
      text: text.trim(),
      grader: 'llm',
      model: deps.llm.model,
      promptRef: prompt.ref,
      createdAt: deps.clock(),
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  deps.events.emit(sessionId, { type: 'summary-ready', stage });
}
