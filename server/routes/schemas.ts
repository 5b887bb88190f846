/** Input shapes shared by routes: ids in paths, and the fields of session requests. */
import { z } from 'zod';
import { DIFFICULTIES, STAGES } from '../bank/schema.ts';

/** Ids are random base64url; anything else cannot exist, so it is a 400, not a lookup. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'must be an id (letters, digits, - and _)');
export const SessionParam = z.object({ id: Id });
export const ItemParam = z.object({ id: Id, itemId: Id });

export const CandidateId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'must be 1-64 letters, digits or . _ @ -');

export const CreateSessionBody = z.strictObject({
  role: z.string().min(1).max(64),
  mode: z.enum(['loop', 'drill']),
  stage: z.enum(STAGES).optional(),
  difficulty: z.enum(DIFFICULTIES).default('medium'),
  questionCount: z.number().int().min(1).max(10).optional(),
  candidateId: CandidateId.default('default'),
  feedback: z.enum(['answer', 'stage']).default('answer'),
  focusSkills: z.array(z.string().min(1).max(64)).max(8).optional(),
});

export const AnswerBody = z.strictObject({
  itemId: Id,
  text: z.string(),
  code: z.string().optional(),
});

export const RunBody = z.strictObject({
  itemId: Id,
  code: z.string().min(1, 'must not be empty'),
});

export const ListSessionsQuery = z.object({
  candidateId: CandidateId.optional(),
  role: z.string().max(64).optional(),
  mode: z.enum(['loop', 'drill']).optional(),
  status: z.enum(['active', 'finished']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
