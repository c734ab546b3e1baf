import type { ErrorBody } from '@9tangle/contracts';

/** A failed API call: the HTTP status and the server's stable error `code` (or `network_error`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// The server also returns the token from /api/auth/me and login; it is the fallback when the cookie
// cannot be read (it always can on the same origin, but the value in memory costs nothing).
let csrfTokenFromResponse: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  csrfTokenFromResponse = token;
}

/** The token to send as `x-csrf-token` on a write: the cookie, else the one the server last returned. */
export function currentCsrfToken(): string | null {
  return readCsrfCookie() ?? csrfTokenFromResponse;
}

function readCsrfCookie(): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'csrf_token') return decodeURIComponent(rest.join('='));
  }
  return null;
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A JSON-serialisable value, or FormData for uploads. */
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
};

/** Calls the same-origin API and returns the parsed JSON (undefined for empty answers such as 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const token = currentCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network_error', message: 'Could not reach the server' });
  }

  const text = await response.text();
  const payload = text ? safeJsonParse(text) : undefined;
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The `ApiError` for a failed answer's status and body text (for callers that cannot use `fetch`). */
export function apiErrorFromText(status: number, text: string): ApiError {
  return toApiError(status, text ? safeJsonParse(text) : undefined);
}

function toApiError(status: number, payload: unknown): ApiError {
  const envelope = payload as Partial<ErrorBody> | undefined;
  const error = envelope?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError({
      status,
      code: error.code,
      message: typeof error.message === 'string' ? error.message : `Request failed (${status})`,
      details: error.details,
      requestId: error.requestId,
    });
  }
  return new ApiError({
    status,
    code: status >= 500 ? 'internal_error' : 'unknown_error',
    message: `HTTP ${status}`,
  });
}
