import { createMemo } from 'solid-js';
import { renderMarkdown } from '../lib/markdown.ts';

/** Interviewer and bank text as formatted prose; the HTML is sanitized in renderMarkdown. */
export function Markdown(props: { text: string; class?: string }) {
  const html = createMemo(() => renderMarkdown(props.text));
  return <div class={`prose ${props.class ?? ''}`} innerHTML={html()} />;
}
