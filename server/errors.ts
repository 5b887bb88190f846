/**
 * Errors the domain throws on purpose; app.onError maps each kind to one HTTP status and a JSON
 * body `{ error: { code, message, field? } }`. Anything else is a bug: logged, answered as a
 * plain 500 without details.
 */
export const APP_ERROR_STATUS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const notFound = (what: string, id: string) => new AppError('not_found', `No ${what} with id "${id}".`);
