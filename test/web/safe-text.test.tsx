/**
 * Where text from others reaches the DOM: Markdown from the bank (sanitized), a model's words
 * (plain text) and evidence highlighting (text only).
 */
import { render } from '@solidjs/testing-library';
import { describe, expect, test } from 'vitest';
import { Conversation } from '../../web/src/components/conversation.tsx';
import { splitInterviewerText } from '../../web/src/components/interviewer-text.tsx';
import { Markdown } from '../../web/src/components/markdown.tsx';
import { highlightSegments } from '../../web/src/lib/highlight.ts';
import { renderMarkdown } from '../../web/src/lib/markdown.ts';
import { readSse } from '../../web/src/lib/sse.ts';
import { item, message, question, sessionView } from './support/fixtures.ts';

describe('Markdown from the bank or a model', () => {
  test('keeps formatting, drops scripts, handlers, images and javascript: links', () => {
    const html = renderMarkdown(
      'Use **`COUNT(DISTINCT user_id)`**.\n\n<script>alert(1)</script><img src=x onerror=alert(2)>\n\nSee [docs](javascript:alert(3)) and [ok](https://example.com) <img src=y onerror=alert(4)>\n\n<div onclick="x()" style="color:red">hi</div>',
    );
    const box = document.createElement('div');
    box.innerHTML = html;
    expect(box.querySelector('strong code')!.textContent).toBe('COUNT(DISTINCT user_id)');
    expect(box.querySelector('script, img, [onerror], [onclick], [style]')).toBeNull();
    // Raw HTML is never parsed: it reads as the characters it is.
    expect(box.textContent).toContain('<script>alert(1)</script><img src=x onerror=alert(2)>');
    const links = [...box.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).not.toContain('javascript:alert(3)');
    const ok = links.find((a) => a.textContent === 'ok')!;
    expect(ok).toHaveAttribute('rel', 'noopener noreferrer');
    expect(ok).toHaveAttribute('target', '_blank');
  });

  test('the Markdown component renders through the sanitizer', () => {
    const { container } = render(() => <Markdown text={'A *question*<iframe src="https://evil.example"></iframe>'} />);
    expect(container.querySelector('em')!.textContent).toBe('question');
    expect(container.querySelector('iframe')).toBeNull();
  });
});

describe('highlightSegments', () => {
  test('splits text into plain and quoted parts that join back to the text', () => {
    const text = 'First I check the data. Then I build a baseline model.';
    const segs = highlightSegments(text, [
      { quote: 'check the data', key: 'a' },
      { quote: 'a baseline', key: 'b' },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.keys.length).map((s) => [s.text, s.keys])).toEqual([
      ['check the data', ['a']],
      ['a baseline', ['b']],
    ]);
  });

  test('matches loosely (case, spacing, curly quotes, dashes) but returns the answer’s own characters', () => {
    const text = 'It’s a  trade-off\nbetween Recall and precision.';
    const segs = highlightSegments(text, [{ quote: "it's a trade–off between recall", key: 'k' }]);
    expect(segs[0]).toEqual({ text: 'It’s a  trade-off\nbetween Recall', keys: ['k'] });
  });

  test('overlapping quotes share the overlap; unknown and tiny quotes mark nothing', () => {
    const segs = highlightSegments('abcdefghij', [
      { quote: 'cdef', key: 'x' },
      { quote: 'efgh', key: 'y' },
      { quote: 'zzz', key: 'z' },
      { quote: 'ab', key: 'tiny' },
    ]);
    expect(segs).toEqual([
      { text: 'ab', keys: [] },
      { text: 'cd', keys: ['x'] },
      { text: 'ef', keys: ['x', 'y'] },
      { text: 'gh', keys: ['y'] },
      { text: 'ij', keys: [] },
    ]);
  });

  test('marks every occurrence', () => {
    const segs = highlightSegments('data, data, data', [{ quote: 'data', key: 'd' }]);
    expect(segs.filter((s) => s.keys.length)).toHaveLength(3);
  });
});

describe('readSse', () => {
  test('parses events split across chunks, multi-line data and comments', async () => {
    const chunks = ['event: question-delta\ndata: {"te', 'xt":"Hi"}\n\n: ping\n\nevent: turn-complete\r\ndata: line1\r\ndata: line2\r\n\r\n'];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const ch of chunks) c.enqueue(new TextEncoder().encode(ch));
        c.close();
      },
    });
    const events: Array<[string, string]> = [];
    await readSse(body, (e) => events.push([e.event, e.data]));
    expect(events).toEqual([
      ['question-delta', '{"text":"Hi"}'],
      ['turn-complete', 'line1\nline2'],
    ]);
  });
});

describe('a model’s words in the conversation', () => {
  const hostile = 'Welcome. <img src=x onerror="window.__pwned=1"> See [this](javascript:window.__pwned=3).';

  test('are shown as plain text, exactly as written; the bank’s question stays formatted', () => {
    const view = sessionView({
      items: [item({ question: question({ prompt: 'Why do you want **this** role?' }) })],
      messages: [
        message({ id: 'm1', seq: 1, author: 'interviewer', source: 'llm', text: `${hostile}\n\nWhy do you want **this** role?` }),
        message({ id: 'm2', seq: 2, author: 'candidate', text: 'Because.' }),
        message({ id: 'm3', seq: 3, author: 'interviewer', source: 'llm', kind: 'follow_up', text: '<script>window.__pwned=2</script> Which *one*?' }),
      ],
    });
    const { container } = render(() => <Conversation view={view} />);
    const said = [...container.querySelectorAll('.model-said')].map((p) => p.textContent);
    expect(said).toEqual([hostile, '<script>window.__pwned=2</script> Which *one*?']);
    expect(container.querySelector('img, script, a[href^="javascript"]')).toBeNull();
    expect(container.querySelector('.prose strong')!.textContent).toBe('this');
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  test('splitInterviewerText keeps bank text as Markdown and splits a model’s lead-in from the question', () => {
    expect(splitInterviewerText({ source: 'bank', kind: 'question', text: 'Hi.\n\nQ?' }, 'Q?')).toEqual({ said: '', markdown: 'Hi.\n\nQ?' });
    expect(splitInterviewerText({ source: 'llm', kind: 'question', text: 'Hello there.\n\nQ?' }, 'Q?\n')).toEqual({ said: 'Hello there.', markdown: 'Q?' });
    // A reply that does not end with the question (a follow-up, or an unexpected shape) is all the model's.
    expect(splitInterviewerText({ source: 'llm', kind: 'follow_up', text: 'Why?' }, 'Q?')).toEqual({ said: 'Why?', markdown: '' });
  });
});
