/** Grade jobs are stored: a restart on the same file database finishes them, once each. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { grades } from '../../server/db/schema.ts';
import { makeTestApp } from '../support/test-app.ts';
import { playSession, strongAnswerer } from '../support/play.ts';

describe('grade jobs across a restart', () => {
  it('resumes pending jobs, and jobs claimed by a server that died once their lease lapses', async () => {
    const dbUrl = `file:${join(mkdtempSync(join(tmpdir(), 'restart-')), 'db.sqlite')}`;
    const first = await makeTestApp({ dbUrl, startWorker: false });
    const id = (await first.json('POST', '/api/sessions', { role: 'data-analyst', mode: 'drill', stage: 'behavioral', questionCount: 3 })).body.session.id;
    await playSession(first, id, strongAnswerer(first));
    const jobs = await first.deps.db.select().from(grades);
    expect(jobs).toHaveLength(3);
    expect(jobs.every((g) => g.status === 'pending')).toBe(true);
    // One job was mid-grading on a server that then died: claimed, with a lease not yet lapsed.
    await first.deps.db.update(grades).set({ claimedBy: 'dead-server', leaseUntil: Date.now() + 400 }).where(eq(grades.id, jobs[0]!.id));
    await first.close();

    const second = await makeTestApp({ dbUrl });
    try {
      await second.worker.drain(10_000);
      const after = await second.deps.db.select().from(grades);
      expect(after).toHaveLength(3);
      expect(after.every((g) => g.status === 'done' && g.attempt === 1 && g.claimedBy === null)).toBe(true);
      const answered = new Set((await second.json('GET', `/api/sessions/${id}`)).body.messages.filter((m: any) => m.author === 'candidate').map((m: any) => m.itemId));
      expect(answered.size).toBe(3);
    } finally {
      await second.close();
    }
  });

  it('keeps the answer when the step after storing it never ran, and finishes that step on the next turn', async () => {
    const t = await makeTestApp();
    try {
      const id = (await t.json('POST', '/api/sessions', { role: 'data-analyst', mode: 'drill', stage: 'behavioral', questionCount: 2 })).body.session.id;
      const turn = (await t.json('POST', `/api/sessions/${id}/next`)).body;
      // Simulate a crash right after the answer was stored: insert it the way submitAnswer does, and stop.
      const { messages } = await import('../../server/db/schema.ts');
      const q = t.deps.bank.byId.get(turn.item.question.id)!;
      await t.deps.db.insert(messages).values({ id: 'crashed-answer-1', sessionId: id, itemId: turn.item.id, seq: turn.message.seq + 1, author: 'candidate', kind: 'answer', text: q.strong_answer.join(' '), source: 'candidate', createdAt: Date.now() });
      const next = (await t.json('POST', `/api/sessions/${id}/next`)).body;
      expect(next.kind).toBe('question');
      expect(next.item.id).not.toBe(turn.item.id);
      await t.worker.drain();
      const view = (await t.json('GET', `/api/sessions/${id}`)).body;
      expect(view.items[0].grade.status).toBe('done');
      expect(view.messages.find((m: any) => m.id === 'crashed-answer-1')).toBeDefined();
    } finally {
      await t.close();
    }
  });
});
