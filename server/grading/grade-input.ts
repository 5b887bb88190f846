/** Everything a grader needs about one answered question. */
import type { Question } from '../bank/schema.ts';
import type { TestOutcome } from './types.ts';

export interface GradeInput {
  question: Question;
  roleName: string;
  stageName: string;
  /** The exchange as the grader reads it: the candidate's answers with the follow-up questions between them. */
  transcript: string;
  /** Only what the candidate wrote (answers and code): evidence must be quoted from this. */
  candidateText: string;
  /** The candidate's prose answers alone (the offline grader reads code separately). */
  answers: string;
  code?: string;
  tests?: TestOutcome & { detail?: string };
}
