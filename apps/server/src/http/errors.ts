import type { ErrorCode } from '@9tangle/contracts';

/** The one error type of the server: a stable code, an HTTP status and a message a user may read. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly status: number,
    message: string,
    public readonly details?: unknown,
    public readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(code, 400, message, details);
export const unauthenticated = (message = 'Sign in to continue') =>
  new AppError('unauthenticated', 401, message);
export const forbidden = (code: ErrorCode = 'forbidden', message = 'You are not allowed to do this') =>
  new AppError(code, 403, message);
/** Resources a user may not see answer 404, so their existence is not revealed. */
export const notFound = (what = 'resource') => new AppError('not_found', 404, `No such ${what}`);
export const conflict = (code: ErrorCode, message: string) => new AppError(code, 409, message);
export const tooMany = (code: ErrorCode, message: string, retryAfterSeconds: number) =>
  new AppError(code, 429, message, { retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });
export const unavailable = () =>
  new AppError(
    'database_unavailable',
    503,
    'The service is temporarily unavailable, try again shortly',
    undefined,
    {
      'retry-after': '5',
    },
  );
