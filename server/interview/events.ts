/**
 * In-process notifications ("a grade is ready") for the SSE stream of a session. The database
 * stays the truth: a client that misses an event reads the session again.
 */
import { EventEmitter } from 'node:events';

export type SessionEvent =
  | { type: 'grade-updated'; gradeId: string; itemId: string; status: string }
  | { type: 'summary-ready'; stage: string };

export class SessionEvents {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  emit(sessionId: string, event: SessionEvent): void {
    this.emitter.emit(sessionId, event);
  }
  subscribe(sessionId: string, listener: (e: SessionEvent) => void): () => void {
    this.emitter.on(sessionId, listener);
    return () => this.emitter.off(sessionId, listener);
  }
  /** A grade job was stored: wakes the grade worker now instead of at its next poll. */
  gradeQueued(): void {
    this.emitter.emit(GRADE_QUEUED);
  }
  onGradeQueued(listener: () => void): () => void {
    this.emitter.on(GRADE_QUEUED, listener);
    return () => this.emitter.off(GRADE_QUEUED, listener);
  }
}

const GRADE_QUEUED = Symbol('grade-queued');
