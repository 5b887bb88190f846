/** A session's graded transcript as Markdown, for candidates to keep or share with a mentor. */
import type { getSessionView } from './session-view.ts';

type View = Awaited<ReturnType<typeof getSessionView>>;

const when = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
const quote = (text: string) => text.split('\n').map((l) => `> ${l}`).join('\n');
const fence = (code: string, lang: string) => {
  const ticks = '`'.repeat(Math.max(3, ...[...code.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${lang}\n${code}\n${ticks}`;
};

export function sessionToMarkdown(view: View, roleName: string): string {
  const s = view.session;
  const out: string[] = [];
  out.push(`# Mock interview: ${roleName} (${s.mode === 'loop' ? 'full loop' : `drill: ${s.drillStage}`})`);
  out.push('');
  out.push(`- Date: ${when(s.createdAt)}`);
  out.push(`- Difficulty: ${s.difficulty}`);
  out.push(`- Status: ${s.status}`);
  out.push(`- Question bank: ${s.bankVersion}`);
  out.push(`- Grader: ${view.grader.description}`);
  if (view.report.overall.verdictLabel) out.push(`- Overall: **${view.report.overall.verdictLabel}** (average level ${view.report.overall.level} of 4)`);
  out.push('');
  out.push('## Verdicts by stage');
  out.push('');
  out.push('| Stage | Verdict | Level | Graded |');
  out.push('|---|---|---|---|');
  for (const st of view.report.stages) out.push(`| ${st.name} | ${st.verdictLabel ?? 'pending'} | ${st.level ?? '-'} | ${st.graded}/${st.questions} |`);
  out.push('');
  for (const item of view.items) {
    if (!item.question) continue;
    out.push(`## ${item.position + 1}. ${item.question.title} (${item.stage}, ${item.question.difficulty})`);
    out.push('');
    for (const m of view.messages.filter((x) => x.itemId === item.id)) {
      const who = m.author === 'interviewer' ? (m.kind === 'follow_up' ? 'Interviewer (follow-up)' : 'Interviewer') : 'You';
      out.push(`**${who}:**`);
      out.push('');
      out.push(m.author === 'candidate' ? quote(m.text || '(no written answer)') : m.text);
      if (m.code) out.push('', fence(m.code, item.question.coding?.language ?? ''));
      out.push('');
    }
    const g = item.grade;
    if (!g) continue;
    if (!('criteria' in g)) {
      out.push(`_Grade hidden until the end of the stage._`, '');
      continue;
    }
    const by = g.grader === 'llm' ? `model ${g.model}` : 'offline grader';
    out.push(`### Grade: ${g.status}${g.level !== null ? `, level ${g.level.toFixed(2)} of 4` : ''} (${by}${g.promptRef ? `, ${g.promptRef}` : ''}, question rev ${g.questionRevision})`);
    out.push('');
    if (g.error) out.push(`_Note: ${g.error}_`, '');
    out.push('| Criterion | Weight | Score | Why |');
    out.push('|---|---|---|---|');
    for (const c of g.criteria)
      out.push(`| ${c.name} | ${c.weight} | ${c.score === null ? 'insufficient evidence' : `${c.score}/4`} | ${c.rationale.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
    out.push('');
    for (const c of g.criteria.filter((x) => x.evidence.length)) {
      out.push(`Evidence for "${c.name}":`);
      for (const e of c.evidence) out.push(`- "${e}"`);
      out.push('');
    }
    if (g.feedback) out.push(`**Feedback:** ${g.feedback}`, '');
    if (g.nextStep) out.push(`**Next step:** ${g.nextStep}`, '');
    if (g.strongAnswer.length) {
      out.push('**A strong answer covers:**');
      for (const p of g.strongAnswer) out.push(`- ${p}`);
      out.push('');
    }
  }
  if (view.report.weakest.length) {
    out.push('## What to work on');
    out.push('');
    for (const w of view.report.weakest) out.push(`- **${w.criterionName}** (${w.questionTitle}): ${w.tip}`);
    out.push('');
  }
  return out.join('\n');
}
