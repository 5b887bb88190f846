/** A learning plan as Markdown: a checklist by phase with dates, reasons and the candidate's notes. */
import type { Phase } from './plan.ts';
import type { planView } from './plan-store.ts';

type PlanView = ReturnType<typeof planView>;

const PHASE_TITLES: Record<Phase, string> = {
  learn: 'Months 1-3: courses, side project and drills',
  apply: 'Month 4: applications, several a day',
  outreach: 'Months 5-6: outreach to hiring managers every week',
};

/** User text on one line: a line break would end the list item. */
const line = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
const indent = (s: string) => s.trim().split('\n').map((l) => `    ${l}`).join('\n');

export function planToMarkdown(plan: PlanView): string {
  const out: string[] = [];
  out.push(`# Learning plan: ${plan.role.name} (${plan.horizonMonths} months)`, '');
  out.push(`From ${plan.startDate} to ${plan.endDate}. ${plan.progress.done} of ${plan.progress.total} milestones done.`, '');
  if (plan.project) out.push(`Side project: **${plan.project.name}**. ${plan.project.summary}`, '');

  out.push('## Built from these gaps', '', '| Skill | Target | Now | From | Gap |', '|---|---|---|---|---|');
  for (const b of plan.basis)
    out.push(`| ${b.name} | ${b.target} | ${b.current ?? '?'} | ${b.basis === 'none' ? 'not assessed' : b.basis} | ${b.gap ?? '?'} |`);
  out.push('');

  for (const phase of Object.keys(PHASE_TITLES) as Phase[]) {
    const ms = plan.milestones.filter((m) => m.phase === phase);
    if (ms.length === 0) continue;
    out.push(`## ${PHASE_TITLES[phase]}`, '');
    for (const m of ms) {
      out.push(`- [${m.done ? 'x' : ' '}] **${m.due}** ${line(m.title)}`);
      if (m.detail) out.push(`    ${line(m.detail)}`);
      if (m.why) out.push(`    Why: ${line(m.why)}`);
      if (m.notes.trim()) out.push(`    Notes:`, indent(m.notes));
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
