/**
 * What a Python sandbox child may say (python-child.mjs, python-harness.py). The candidate's code
 * runs in that process and could write anything to stdout, so every line is checked here; a line
 * that does not fit ends the run as a sandbox failure.
 */
import { z } from 'zod';

export const PyExceptionSchema = z.object({
  type: z.string().max(500),
  /** The class and its bases, most specific first: a `raises: ValueError` case accepts subclasses. */
  mro: z.array(z.string().max(500)).max(200),
  /** The traceback, trimmed to the candidate's frames. */
  text: z.string().max(200_000),
  memory: z.boolean(),
});
export type PyException = z.infer<typeof PyExceptionSchema>;

/**
 * The harness nests values at most 100 deep; a deeper one is forged, and comparing it recursively
 * could overflow the server's stack. Checked without recursion.
 */
export function nestedAtMost(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}

const MAX_VALUE_DEPTH = 128;

const phase = z.enum(['examples', 'tests']);
export type Phase = z.infer<typeof phase>;

export const ChildMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('output'), stream: z.enum(['stdout', 'stderr']), text: z.string() }),
  /** The module ran and the function exists; cases follow. */
  z.object({ type: z.literal('loaded') }),
  z.object({
    type: z.literal('case'),
    phase,
    index: z.number().int().min(0),
    ok: z.boolean(),
    value: z.unknown().refine((v) => nestedAtMost(v, MAX_VALUE_DEPTH), 'nested too deeply').optional(),
    exception: PyExceptionSchema.optional(),
  }),
  z.object({
    type: z.literal('examples-done'),
    status: z.enum(['ok', 'error', 'memory']),
    message: z.string().max(200_000).optional(),
    truncated: z.object({ stdout: z.boolean(), stderr: z.boolean() }),
  }),
  z.object({ type: z.literal('tests-done'), status: z.enum(['ok', 'memory']) }),
  /** Pyodide itself failed (a wasm stack overflow, the runtime out of memory). */
  z.object({ type: z.literal('fatal'), message: z.string().max(10_000) }),
]);
export type ChildMessage = z.infer<typeof ChildMessageSchema>;

/** What one call of the candidate's function did. */
export type Outcome = { ok: true; value: unknown } | { ok: false; exception: PyException };
