import { createMemo, For, Show } from 'solid-js';
import { difficultyLabel, levelText } from '../lib/format.ts';
import type { Item, Message, Question, SessionView } from '../lib/types.ts';
import { GradePanel } from './grade-panel.tsx';
import { InterviewerText } from './interviewer-text.tsx';
import { Markdown } from './markdown.tsx';
import { SubmittedRun } from './submitted-run.tsx';
import { VerdictBadge } from './verdict-badge.tsx';

/**
 * The interview so far, question by question: what the interviewer asked, what the candidate
 * answered, and under each finished question its grade. A new stage opens with a divider; a
 * graded stage closes with its verdict.
 */
export function Conversation(props: {
  view: SessionView;
  /** The interviewer's words while they stream in (null when nothing is streaming). */
  streaming?: string | null;
  onRegrade?: (itemId: string) => void;
  regrading?: string | null;
  /** Review mode: every grade unfolded. */
  expandAll?: boolean;
  /** Stage names; by default the report's (which may omit a stage whose feedback is held back). */
  stageNames?: Record<string, string>;
}) {
  const shown = createMemo(() => props.view.items.filter((i) => i.status !== 'pending'));
  const latestGraded = createMemo(() => [...shown()].reverse().find((i) => i.status === 'complete')?.id);
  const stageNames = createMemo(() => props.stageNames ?? Object.fromEntries(props.view.report.stages.map((s) => [s.stage, s.name])));
  const messagesOf = (itemId: string | null) => props.view.messages.filter((m) => m.itemId === itemId);
  const answersOf = (itemId: string) => messagesOf(itemId).filter((m) => m.author === 'candidate');
  /**
   * The hidden-test run of the code an answer carried: the item's first submit run stored after
   * the answer and before the candidate's next answer (the answer is stored first, then run).
   */
  const submittedRun = (m: Message) => {
    if (m.author !== 'candidate' || !m.code?.trim() || !m.itemId) return null;
    const next = answersOf(m.itemId).find((a) => a.seq > m.seq);
    return (
      props.view.runs.find((r) => r.itemId === m.itemId && r.mode === 'submit' && r.result && r.createdAt >= m.createdAt && (!next || r.createdAt < next.createdAt))
        ?.result ?? null
    );
  };
  const isStageStart = (item: Item, index: number) => index === 0 || shown()[index - 1]!.stage !== item.stage;
  const stageReport = (stage: string) => props.view.report.stages.find((s) => s.stage === stage);
  const isStageEnd = (item: Item) => {
    const all = props.view.items;
    const next = all[all.indexOf(item) + 1];
    return item.status === 'complete' && (!next || next.stage !== item.stage);
  };

  return (
    <div class="conversation">
      <For each={shown()}>
        {(item, index) => (
          <section class="turn-group" aria-labelledby={`q-${item.id}`}>
            <Show when={isStageStart(item, index())}>
              <div class="stage-divider">
                <span>{stageNames()[item.stage] ?? item.stage}</span>
              </div>
            </Show>
            <header class="question-head">
              <h2 id={`q-${item.id}`} class="question-title">
                {item.question?.title ?? 'Question'}
              </h2>
              <Show when={item.question}>
                {(q) => (
                  <p class="question-meta">
                    {difficultyLabel(q().difficulty)} · about {q().minutes} min
                    <Show when={q().coding}>{(c) => <> · {c().language === 'python' ? 'Python' : 'SQL'}</>}</Show>
                  </p>
                )}
              </Show>
            </header>
            <For each={messagesOf(item.id)}>
              {(m) => (
                <>
                  <MessageBubble message={m} question={item.question} />
                  <Show when={submittedRun(m)}>{(run) => <SubmittedRun result={run()} />}</Show>
                </>
              )}
            </For>
            <Show when={item.status === 'complete'}>
              <GradePanel
                item={item}
                answers={answersOf(item.id)}
                open={props.expandAll || item.id === latestGraded()}
                onRegrade={props.onRegrade ? () => props.onRegrade?.(item.id) : undefined}
                regrading={props.regrading === item.id}
              />
            </Show>
            <Show when={isStageEnd(item) && stageReport(item.stage)?.verdict}>
              <p class="stage-result">
                {stageReport(item.stage)!.name} stage:{' '}
                <VerdictBadge verdict={stageReport(item.stage)!.verdict} label={stageReport(item.stage)!.verdictLabel} /> · level{' '}
                {levelText(stageReport(item.stage)!.level)}
              </p>
            </Show>
          </section>
        )}
      </For>
      <For each={messagesOf(null)}>{(m) => <MessageBubble message={m} />}</For>
      <Show when={props.streaming !== null && props.streaming !== undefined}>
        <div class="msg msg-interviewer msg-streaming" aria-live="polite" aria-busy="true">
          <p class="who">Interviewer</p>
          <Show when={props.streaming} fallback={<p class="typing">The interviewer is thinking…</p>}>
            <Markdown text={props.streaming!} />
          </Show>
        </div>
      </Show>
    </div>
  );
}

function MessageBubble(props: { message: Message; question?: Question | null }) {
  const m = () => props.message;
  const language = () => props.question?.coding?.language;
  return (
    <Show
      when={m().author === 'candidate'}
      fallback={
        <div
          class="msg msg-interviewer"
          classList={{ 'msg-follow-up': m().kind === 'follow_up', 'msg-closing': m().kind === 'closing' }}
          data-message-id={m().id}
        >
          <p class="who">{m().kind === 'follow_up' ? 'Interviewer · follow-up' : 'Interviewer'}</p>
          <InterviewerText message={m()} bankPrompt={props.question?.prompt} />
        </div>
      }
    >
      <div class="msg msg-candidate" data-message-id={m().id}>
        <p class="who">You</p>
        <Show when={m().text.trim()}>
          <p class="answer-text">{m().text}</p>
        </Show>
        <Show when={m().code}>
          <pre class="code-block" aria-label={`Your ${language() === 'sql' ? 'SQL' : 'code'}`}>
            <code>{m().code}</code>
          </pre>
        </Show>
      </div>
    </Show>
  );
}
