/**
 * What the interviewer says around the bank's questions. The offline interviewer uses these
 * fixed lines; a model may phrase its own lead-in (prompts/interviewer-question.md), but the
 * question itself is always the bank's text, word for word.
 */
import type { Bank } from '../bank/load.ts';
import type { Stage } from '../bank/schema.ts';
import type { ItemRow, SessionRow } from './queries.ts';

export interface Moment {
  /** Stable description of where we are, for the model's prompt. */
  description: string;
  /** The offline interviewer's words for it. */
  offline: string;
}

const stageInfo = (bank: Bank, stage: string) => bank.manifest.stages.find((s) => s.id === stage)!;
const NEXT_LINES = ['Next question.', "Let's move on.", 'Here is the next one.', 'On to the next question.'];

export function momentFor(bank: Bank, session: SessionRow, all: ItemRow[], item: ItemRow): Moment {
  const stage = stageInfo(bank, item.stage);
  const role = bank.roles.find((r) => r.id === session.role)?.name ?? session.role;
  const prev = all.find((i) => i.position === item.position - 1);
  if (!prev) {
    if (session.mode === 'drill')
      return {
        description: `the start of a ${stage.name} drill`,
        offline: `Welcome to your ${stage.name} drill for the ${role} role. ${stage.description} Take your time and think out loud.`,
      };
    const stages = [...new Set(all.map((i) => i.stage))].map((s) => stageInfo(bank, s).name);
    return {
      description: `the very start of the interview loop, opening the ${stage.name} stage`,
      offline: `Welcome to your mock interview loop for the ${role} role. We will go through ${stages.length} stages: ${stages.join(', ')}. First: ${stage.name}. ${stage.description}`,
    };
  }
  if (prev.stage !== item.stage)
    return {
      description: `the end of the ${stageInfo(bank, prev.stage).name} stage and the start of the ${stage.name} stage`,
      offline: `That wraps up the ${stageInfo(bank, prev.stage).name} stage. Next: ${stage.name}. ${stage.description}`,
    };
  return { description: `the next question within the ${stage.name} stage`, offline: NEXT_LINES[item.position % NEXT_LINES.length]! };
}

export function closingText(session: SessionRow): string {
  return session.mode === 'drill'
    ? 'That is the end of this drill. Thank you. Your graded answers and the stage verdict are in your report.'
    : 'That is the end of the interview loop. Thank you for your time. Your report has a verdict for each stage, your skill gaps and what to practise next.';
}

export const stageName = (bank: Bank, stage: Stage | string) => stageInfo(bank, stage).name;
