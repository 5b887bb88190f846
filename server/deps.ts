/** What createApp and the rooms behind it are built from; server/main.ts wires the real ones, tests wire fakes. */
import type { Bank } from './bank/load.ts';
import type { CodeRunner } from './coding/types.ts';
import type { Db } from './db/open.ts';
import type { LlmClient } from './llm/types.ts';
import type { Prompts } from './prompts/load.ts';
import type { SessionEvents } from './interview/events.ts';
import type { Career } from './career/load.ts';

export interface Logger {
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export interface Deps {
  db: Db;
  bank: Bank;
  /** Curated career data (question-bank/career.yaml); loaded from the bank folder when absent. */
  career?: Career;
  prompts: Prompts;
  /** Undefined: no model configured; the offline interviewer and grader run. */
  llm?: LlmClient;
  /** Undefined: code cannot be run here (answers are still stored and graded). */
  runner?: CodeRunner;
  clock: () => number;
  /** Unguessable ids (session ids are capabilities). */
  ids: () => string;
  random: () => number;
  logger: Logger;
  events: SessionEvents;
  limits: { maxAnswerChars: number; maxCodeChars: number; maxBodyBytes: number };
}
