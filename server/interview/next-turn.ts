/**
 * The interviewer's next turn. The turn is decided from the stored state alone, so asking
 * twice (a reload, a second tab, a retry) replays the same question instead of skipping one.
 * A new turn is stored before it is streamed: a crash mid-stream leaves a valid question.
 */
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { items, messages, sessions } from '../db/schema.ts';
import { getPrompt, renderPrompt } from '../prompts/load.ts';
import { advanceAfterAnswer } from './advance.ts';
import { closingText, momentFor, stageName } from './lead-in.ts';
import {
  getItemsOfSession,
  getLastSeq,
  getMessagesOfItem,
  getMessagesOfSession,
  getSessionById,
  isUniqueViolation,
  type ItemRow,
  type MessageRow,
  type SessionRow,
} from './queries.ts';

export interface Turn {
  kind: 'question' | 'follow_up' | 'closing';
  message: MessageRow;
  item: ItemRow | null;
  /** True when this turn was asked before and is being shown again. */
  replay: boolean;
  /** How many questions the session plans in all (for the progress bar). */
  total: number;
}

/** Receives the interviewer's words as they are produced (streamed to the candidate). */
export type DeltaSink = (text: string) => void;

const MAX_ATTEMPTS = 4;

export async function nextTurn(deps: Deps, sessionId: string, onDelta?: DeltaSink, signal?: AbortSignal): Promise<Turn> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const turn = await tryNextTurn(deps, sessionId, onDelta, signal);
    if (turn) return turn;
  }
  throw new Error(`could not settle the next turn of session ${sessionId}`);
}

/** One attempt; undefined when a concurrent writer changed the state first (the caller retries). */
async function tryNextTurn(deps: Deps, sessionId: string, onDelta?: DeltaSink, signal?: AbortSignal): Promise<Turn | undefined> {
  const session = await getSessionById(deps.db, { id: sessionId });
  const all = await getItemsOfSession(deps.db, { sessionId });
  const turn = await decideTurn(deps, session, all, onDelta, signal);
  return turn && { ...turn, total: all.length };
}

type TurnWithoutTotal = Omit<Turn, 'total'>;

async function decideTurn(deps: Deps, session: SessionRow, all: ItemRow[], onDelta?: DeltaSink, signal?: AbortSignal): Promise<TurnWithoutTotal | undefined> {
  const item = all.find((i) => i.status !== 'complete');
  if (!item) return closeSession(deps, session, onDelta);

  const itemMessages = await getMessagesOfItem(deps.db, { itemId: item.id });
  const last = itemMessages.at(-1);
  if (last?.author === 'interviewer') {
    onDelta?.(last.text);
    return { kind: last.kind as Turn['kind'], message: last, item, replay: true };
  }
  if (item.status === 'pending') return ask(deps, session, all, item, onDelta, signal);
  if (item.pendingFollowUp) return askFollowUp(deps, session, item, itemMessages, onDelta, signal);
  // The answer was stored but the step after it did not finish (a crash): finish it now.
  await advanceAfterAnswer(deps, session, item);
  return undefined;
}

async function insertTurn(deps: Deps, row: Omit<typeof messages.$inferInsert, 'seq'>, itemUpdate?: Partial<typeof items.$inferInsert>) {
  const seq = (await getLastSeq(deps.db, { sessionId: row.sessionId })) + 1;
  // The full row, as a read would return it, so a new turn and a replayed one look the same.
  const message: MessageRow = { itemId: null, criterionId: null, code: null, model: null, promptRef: null, ...row, seq };
  try {
    if (itemUpdate && row.itemId)
      await deps.db.batch([deps.db.insert(messages).values(message), deps.db.update(items).set(itemUpdate).where(eq(items.id, row.itemId))]);
    else await deps.db.insert(messages).values(message);
  } catch (err) {
    if (isUniqueViolation(err)) return undefined;
    throw err;
  }
  return message;
}

/** Splits text into a few pieces so the offline interviewer streams like a model would. */
function streamText(text: string, onDelta?: DeltaSink): void {
  if (!onDelta) return;
  for (const piece of text.match(/[^\s]+\s*/g) ?? [text]) onDelta(piece);
}

async function ask(deps: Deps, session: SessionRow, all: ItemRow[], item: ItemRow, onDelta?: DeltaSink, signal?: AbortSignal): Promise<TurnWithoutTotal | undefined> {
  const question = deps.bank.byId.get(item.questionId);
  if (!question) throw new Error(`question ${item.questionId} is no longer in the bank`);
  const moment = momentFor(deps.bank, session, all, item);
  const offlineText = `${moment.offline}\n\n${question.prompt.trim()}`;
  const now = deps.clock();
  const message = await insertTurn(
    deps,
    { id: deps.ids(), sessionId: session.id, itemId: item.id, author: 'interviewer', kind: 'question', text: offlineText, source: 'bank', createdAt: now },
    { status: 'asked', askedAt: now },
  );
  if (!message) return undefined;
  if (!deps.llm) {
    streamText(offlineText, onDelta);
    return { kind: 'question', message, item: { ...item, status: 'asked', askedAt: now }, replay: false };
  }
  const prompt = getPrompt(deps.prompts, 'interviewer-question');
  const stage = deps.bank.manifest.stages.find((s) => s.id === item.stage)!;
  const leadIn = await streamFromModel(deps, session.id, onDelta, signal, renderPrompt(prompt, {
    role_name: roleName(deps, session),
    stage_name: stage.name,
    stage_description: stage.description,
    moment: moment.description,
    question_title: question.title,
  }));
  const finalText = `${leadIn ?? moment.offline}\n\n${question.prompt.trim()}`;
  if (leadIn === undefined) streamText(moment.offline, onDelta);
  onDelta?.(`\n\n${question.prompt.trim()}`);
  const llmUpdate = leadIn === undefined ? {} : { text: finalText, source: 'llm' as const, model: deps.llm.model, promptRef: prompt.ref };
  if (leadIn !== undefined) await deps.db.update(messages).set(llmUpdate).where(eq(messages.id, message.id));
  return { kind: 'question', message: { ...message, ...llmUpdate }, item: { ...item, status: 'asked', askedAt: now }, replay: false };
}

async function askFollowUp(
  deps: Deps,
  session: SessionRow,
  item: ItemRow,
  itemMessages: MessageRow[],
  onDelta?: DeltaSink,
  signal?: AbortSignal,
): Promise<TurnWithoutTotal | undefined> {
  const question = deps.bank.byId.get(item.questionId)!;
  const criterion = question.rubric.find((c) => c.id === item.pendingFollowUp);
  if (!criterion) throw new Error(`criterion ${item.pendingFollowUp} is not in question ${question.id}`);
  const message = await insertTurn(
    deps,
    {
      id: deps.ids(),
      sessionId: session.id,
      itemId: item.id,
      author: 'interviewer',
      kind: 'follow_up',
      criterionId: criterion.id,
      text: criterion.follow_up,
      source: 'bank',
      createdAt: deps.clock(),
    },
    { pendingFollowUp: null, followUpsAsked: item.followUpsAsked + 1 },
  );
  if (!message) return undefined;
  const updatedItem = { ...item, pendingFollowUp: null, followUpsAsked: item.followUpsAsked + 1 };
  if (!deps.llm) {
    streamText(criterion.follow_up, onDelta);
    return { kind: 'follow_up', message, item: updatedItem, replay: false };
  }
  const prompt = getPrompt(deps.prompts, 'interviewer-follow-up');
  const answers = itemMessages.filter((m) => m.author === 'candidate').map((m) => m.text).join('\n\n');
  const text = await streamFromModel(deps, session.id, onDelta, signal, renderPrompt(prompt, {
    role_name: roleName(deps, session),
    stage_name: stageName(deps.bank, item.stage),
    question: question.prompt,
    criterion_name: criterion.name,
    planned_follow_up: criterion.follow_up,
    boundary: deps.ids().slice(0, 12),
    answer: answers,
  }));
  if (text === undefined) {
    streamText(criterion.follow_up, onDelta);
    return { kind: 'follow_up', message, item: updatedItem, replay: false };
  }
  const update = { text, source: 'llm' as const, model: deps.llm.model, promptRef: prompt.ref };
  await deps.db.update(messages).set(update).where(eq(messages.id, message.id));
  return { kind: 'follow_up', message: { ...message, ...update }, item: updatedItem, replay: false };
}

/**
 * Streams a model's words to the candidate. Undefined when the model fails before saying
 * anything (the caller then uses the bank's words); partial text is kept if it fails later.
 */
async function streamFromModel(
  deps: Deps,
  sessionId: string,
  onDelta: DeltaSink | undefined,
  signal: AbortSignal | undefined,
  messagesIn: ReturnType<typeof renderPrompt>,
): Promise<string | undefined> {
  let text = '';
  try {
    for await (const delta of deps.llm!.stream({ messages: messagesIn, maxTokens: 200, temperature: 0.4, fairnessKey: sessionId, signal })) {
      text += delta;
      onDelta?.(delta);
    }
  } catch (err) {
    deps.logger.warn('interviewer model call failed; using the bank text', { sessionId, error: String(err) });
  }
  return text.trim() ? text.trim() : undefined;
}

async function closeSession(deps: Deps, session: SessionRow, onDelta?: DeltaSink): Promise<TurnWithoutTotal | undefined> {
  const all = await getMessagesOfSession(deps.db, { sessionId: session.id });
  const closing = all.find((m) => m.kind === 'closing');
  if (closing) {
    onDelta?.(closing.text);
    return { kind: 'closing', message: closing, item: null, replay: true };
  }
  const now = deps.clock();
  if (session.status !== 'finished')
    await deps.db.update(sessions).set({ status: 'finished', finishedAt: now, updatedAt: now }).where(and(eq(sessions.id, session.id), eq(sessions.status, 'active')));
  const message = await insertTurn(deps, {
    id: deps.ids(),
    sessionId: session.id,
    itemId: null,
    author: 'interviewer',
    kind: 'closing',
    text: closingText(session),
    source: 'bank',
    createdAt: now,
  });
  if (!message) return undefined;
  streamText(message.text, onDelta);
  return { kind: 'closing', message, item: null, replay: false };
}

function roleName(deps: Deps, session: SessionRow): string {
  return deps.bank.roles.find((r) => r.id === session.role)?.name ?? session.role;
}
