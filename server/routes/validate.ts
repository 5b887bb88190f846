/**
 * zod validation for route inputs, answering a 400 whose JSON names the offending field
 * (the zod-validator's default body is a stringified ZodError, not something a person can read).
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';

export function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issue.path.map(String).join('.') || '(body)';
  return { field, message: `${field}: ${issue.message}` };
}

export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const first = describeIssue(result.error.issues[0]!);
      return c.json(
        {
          error: {
            code: 'invalid' as const,
            message: first.message,
            field: first.field,
            issues: result.error.issues.slice(0, 10).map(describeIssue),
          },
        },
        400,
      );
    }
  });
}
