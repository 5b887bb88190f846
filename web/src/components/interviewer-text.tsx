import { createMemo, Show } from 'solid-js';
import type { Message } from '../lib/types.ts';
import { Markdown } from './markdown.tsx';

/**
 * Splits an interviewer message into what a model said and the bank's own text. A model's lead-in
 * or follow-up is asked for without Markdown, so it is shown as plain text, exactly as written
 * (markup in it reads as the characters it is); the question from the bank stays Markdown.
 */
export function splitInterviewerText(m: Pick<Message, 'text' | 'source' | 'kind'>, bankPrompt: string | undefined): { said: string; markdown: string } {
  if (m.source !== 'llm') return { said: '', markdown: m.text };
  const prompt = bankPrompt?.trim();
  // A model's question turn is its lead-in, a blank line, then the bank's question word for word.
  if (m.kind === 'question' && prompt && m.text.endsWith(prompt)) return { said: m.text.slice(0, m.text.length - prompt.length).trim(), markdown: prompt };
  return { said: m.text, markdown: '' };
}

export function InterviewerText(props: { message: Message; bankPrompt?: string }) {
  const parts = createMemo(() => splitInterviewerText(props.message, props.bankPrompt));
  return (
    <>
      <Show when={parts().said}>
        <p class="model-said">{parts().said}</p>
      </Show>
      <Show when={parts().markdown}>
        <Markdown text={parts().markdown} />
      </Show>
    </>
  );
}
