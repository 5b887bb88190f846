/**
 * Protection for the API when served beyond localhost: an access token on every call, security
 * headers, and an origin check on state-changing requests (a page on another site must not be
 * able to submit answers with the candidate's browser).
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.ts';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function requireToken(token: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const given = header?.startsWith('Bearer ') ? header.slice(7).trim() : c.req.header('x-access-token');
    if (!given) throw new AppError('unauthorized', 'This server needs an access token: send it as "Authorization: Bearer <token>".');
    if (!sameToken(given, token)) throw new AppError('unauthorized', 'The access token is not valid.');
    await next();
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const checkOrigin: MiddlewareHandler = async (c, next) => {
  const origin = c.req.header('origin');
  if (origin && UNSAFE.has(c.req.method)) {
    const host = c.req.header('host');
    let ok = false;
    try {
      ok = !!host && new URL(origin).host === host;
    } catch {
      ok = false;
    }
    if (!ok) throw new AppError('forbidden', `Requests from ${origin} are not allowed to change anything here.`);
  }
  await next();
};

/** POST bodies must be JSON: anything else is a 415 that says so, not a confusing parse error. */
export const requireJson: MiddlewareHandler = async (c, next) => {
  if (UNSAFE.has(c.req.method)) {
    const type = c.req.header('content-type') ?? '';
    // A body declared as something else, or a body with no type at all. (Browsers send a bodiless
    // DELETE or POST with neither Content-Type nor Content-Length: no body, nothing to refuse.)
    const declaresBody = type !== '' || Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;
    if (declaresBody && !/^application\/json\b/i.test(type))
      throw new AppError('unsupported_media_type', `Send the request body as application/json (got "${type || 'no content type'}").`);
  }
  await next();
};
