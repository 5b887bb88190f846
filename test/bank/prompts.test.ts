import { describe, expect, it } from 'vitest';
import { parsePrompt, PromptError, REQUIRED_PROMPTS, renderPrompt } from '../../server/prompts/load.ts';
import { realPrompts } from '../support/test-app.ts';

const template = (body: string, vars = '[name]') => `---\nid: t\nversion: 2\ndescription: test\nvariables: ${vars}\n---\n${body}`;

describe('prompt templates', () => {
  it('loads every required prompt with an id@version ref', () => {
    const prompts = realPrompts();
    for (const id of REQUIRED_PROMPTS) expect(prompts.get(id)?.ref).toMatch(new RegExp(`^${id}@\\d+$`));
  });

  it('renders named variables into system and user messages', () => {
    const p = parsePrompt('t.md', template('=== system ===\nHello {{name}}.\n=== user ===\nBye {{ name }}.'));
    expect(p.ref).toBe('t@2');
    expect(renderPrompt(p, { name: 'Ada' })).toEqual([
      { role: 'system', content: 'Hello Ada.' },
      { role: 'user', content: 'Bye Ada.' },
    ]);
  });

  it('treats a missing variable as an error, never an empty string', () => {
    const p = parsePrompt('t.md', template('=== system ===\nHello {{name}}.\n=== user ===\nx'));
    expect(() => renderPrompt(p, {})).toThrow(/no value for variable "name"/);
    expect(() => renderPrompt(p, { name: 'a', other: 'b' })).toThrow(/unexpected variable "other"/);
  });

  it('does not expand placeholders inside values (an answer cannot inject a variable)', () => {
    const p = parsePrompt('t.md', template('=== system ===\n{{name}}\n=== user ===\nx'));
    expect(renderPrompt(p, { name: '{{name}} and {{secret}}' })[0]!.content).toBe('{{name}} and {{secret}}');
  });

  it('rejects undeclared or unused variables and a missing front matter at load', () => {
    expect(() => parsePrompt('a.md', template('=== system ===\n{{other}}\n=== user ===\n{{name}}'))).toThrow(PromptError);
    expect(() => parsePrompt('b.md', template('=== system ===\nno vars\n=== user ===\nx'))).toThrow(/never uses/);
    expect(() => parsePrompt('c.md', 'no front matter')).toThrow(/front matter/);
  });
});
