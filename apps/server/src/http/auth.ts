import type { Role } from '@9tangle/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canMakeRequest } from '../modules/identity/identity.policy.ts';
import type { CurrentUser, RequestMeta } from '../modules/identity/identity.types.ts';
import type { SessionService } from '../modules/identity/sessions.service.ts';
import { AppError, forbidden, notFound, unauthenticated } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, read afresh from the session on this request; null when anonymous. */
    user: CurrentUser | null;
    /** How the session came: the cookie (needs CSRF on writes) or a Bearer header (does not). */
    authVia: 'cookie' | 'bearer' | null;
  }
}

export const CSRF_COOKIE = 'csrf_token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthOptions {
  sessions: SessionService;
  cookieName: string;
  corsOrigins: string[];
  publicUrl: URL;
  require2faForAdmins: boolean;
}

/**
 * Resolves the session of every request (cookie or Bearer) and enforces CSRF on cookie-authenticated
 * writes: the `x-csrf-token` header must carry the HMAC of the session id, and a browser `Origin`, when
 * sent, must be this site's (or an allowed CORS origin).
 */
export function registerAuth(app: FastifyInstance, opts: AuthOptions): void {
  app.decorateRequest('user', null);
  app.decorateRequest('authVia', null);
  const allowedOrigins = new Set([opts.publicUrl.origin, ...opts.corsOrigins]);

  app.addHook('onRequest', async (req) => {
    // `/metrics` takes its own token in the Authorization header, never a session.
    if (
      req.url.startsWith('/assets/') ||
      req.url === '/api/health' ||
      req.url === '/favicon.ico' ||
      req.url === '/metrics'
    )
      return;
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const token = bearer ?? req.cookies[opts.cookieName] ?? null;
    if (token) {
      req.user = await opts.sessions.resolve(token);
      if (req.user) req.authVia = bearer ? 'bearer' : 'cookie';
    }
    // The admin API is closed to everyone else before anything reads the request (even validation, so
    // a 400 cannot tell a student that a route exists). Each route still has its own guard.
    if (req.url.startsWith('/api/admin/')) {
      if (!req.user) throw unauthenticated();
      if (req.user.role !== 'admin') throw notFound('page');
    }
    // "Sign in as" never reaches money or the user's credentials, whatever the route's own checks.
    if (!canMakeRequest(req.user, req.method, req.url)) {
      throw forbidden(
        'impersonation_forbidden',
        'Payments and security settings are disabled while you are signed in as another user',
      );
    }
    if (!UNSAFE.has(req.method) || bearer) return;
    const origin = req.headers.origin;
    if (
      origin &&
      origin !== 'null' &&
      !allowedOrigins.has(origin) &&
      origin !== `${req.protocol}://${req.host}`
    ) {
      throw new AppError('csrf_failed', 403, 'This request came from another site');
    }
    if (req.authVia === 'cookie' && req.url.startsWith('/api/')) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !opts.sessions.checkCsrf(req.user?.sessionId as string, sent)) {
        throw new AppError('csrf_failed', 403, 'Missing or wrong CSRF token; reload the page and try again');
      }
    }
  });
}

export function requestMeta(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

/** Set the session cookie and its CSRF companion (readable by the page's script, not HttpOnly). */
export function setSessionCookies(
  reply: FastifyReply,
  o: { name: string; secure: boolean; maxAgeMs: number },
  token: string,
  csrf: string,
): void {
  const base = {
    path: '/',
    sameSite: 'lax' as const,
    secure: o.secure,
    maxAge: Math.floor(o.maxAgeMs / 1000),
  };
  reply.setCookie(o.name, token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false });
}

/** Re-send the CSRF cookie (after a secret rotation the page picks up the current token). */
export function setCsrfCookie(
  reply: FastifyReply,
  o: { secure: boolean; maxAgeMs: number },
  csrf: string,
): void {
  reply.setCookie(CSRF_COOKIE, csrf, {
    path: '/',
    sameSite: 'lax',
    secure: o.secure,
    maxAge: Math.floor(o.maxAgeMs / 1000),
    httpOnly: false,
  });
}

export function clearSessionCookies(reply: FastifyReply, o: { name: string; secure: boolean }): void {
  reply.clearCookie(o.name, { path: '/', secure: o.secure, sameSite: 'lax', httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, { path: '/', secure: o.secure, sameSite: 'lax' });
}

/** preHandler: any signed-in user. */
export async function requireUser(req: FastifyRequest): Promise<void> {
  if (!req.user) throw unauthenticated();
}

/** preHandler: a signed-in user with a verified address (buying and learning need it). */
export async function requireVerified(req: FastifyRequest): Promise<void> {
  if (!req.user) throw unauthenticated();
  if (!req.user.emailVerified) throw forbidden('email_not_verified', 'Verify your email address first');
}

/**
 * preHandler factory: one of the given roles. Other signed-in users get 404 for admin areas (they need
 * not know they exist); admins without 2FA get 403 when the site requires it.
 */
export function requireRole(opts: Pick<AuthOptions, 'require2faForAdmins'>, ...roles: Role[]) {
  return async (req: FastifyRequest): Promise<void> => {
    if (!req.user) throw unauthenticated();
    if (!roles.includes(req.user.role)) throw notFound('page');
    if (req.user.role === 'admin' && opts.require2faForAdmins && !req.user.twoFactorEnabled) {
      throw forbidden('two_factor_required', 'Turn on two-factor authentication to use the admin area');
    }
  };
}

/** The signed-in user of a request that passed `requireUser` (throws 401 otherwise). */
export function currentUser(req: FastifyRequest): CurrentUser {
  if (!req.user) throw unauthenticated();
  return req.user;
}
