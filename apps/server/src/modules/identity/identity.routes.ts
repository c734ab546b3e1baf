import {
  ChangeEmailBody,
  ChangePasswordBody,
  ConfirmEmailChangeBody,
  ForgotPasswordBody,
  LoginBody,
  LoginResponse,
  LoginTwoFactorBody,
  MeResponse,
  RecoveryCodesResponse,
  RegisterBody,
  ResendVerificationBody,
  ResetPasswordBody,
  SessionList,
  TwoFactorCodeBody,
  TwoFactorSetupResponse,
  UserDto,
  VerifyEmailBody,
} from '@9tangle/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clearSessionCookies,
  currentUser,
  requestMeta,
  requireUser,
  setCsrfCookie,
  setSessionCookies,
} from '../../http/auth.ts';
import { unauthenticated } from '../../http/errors.ts';
import { toSessionDto, toUserDto } from './identity.mappers.ts';
import type { SessionService } from './sessions.service.ts';
import type { SigninService } from './signin.service.ts';
import type { TwoFactorService } from './two-factor.service.ts';
import type { VerificationService } from './verification.service.ts';

export interface IdentityRouteDeps {
  verification: VerificationService;
  /** The signed-in state (user, CSRF token, impersonation), shared with server-rendered pages. */
  loadMe: (req: FastifyRequest) => Promise<MeResponse | null>;
  signin: SigninService;
  twoFactor: TwoFactorService;
  sessions: SessionService;
  cookie: { name: string; secure: boolean; maxAgeMs: number };
  /** Stricter per-IP limits for credential endpoints. */
  authRateLimit: { max: number; timeWindow: number };
}

const Empty = z.object({});
const UserEnvelope = z.object({ user: UserDto });

/** `/api/auth/*`: sign-up, verification, sign-in with 2FA, sessions, password and email changes. */
export const identityRoutes =
  (d: IdentityRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const strict = { config: { rateLimit: d.authRateLimit } };
    const signIn = (reply: FastifyReply, token: string, sessionId: string) => {
      const csrfToken = d.sessions.csrfToken(sessionId);
      setSessionCookies(reply, d.cookie, token, csrfToken);
      return csrfToken;
    };
    const tags = ['auth'];

    app.get('/me', { schema: { tags, response: { 200: MeResponse } } }, async (req, reply) => {
      const me = await d.loadMe(req);
      if (!me) throw unauthenticated();
      setCsrfCookie(reply, d.cookie, me.csrfToken);
      return me;
    });

    app.post(
      '/register',
      {
        ...strict,
        schema: {
          tags,
          body: RegisterBody,
          response: { 201: z.object({ user: UserDto, csrfToken: z.string() }) },
        },
      },
      async (req, reply) => {
        const r = await d.verification.register(req.body, requestMeta(req));
        const csrfToken = signIn(reply, r.token, r.sessionId);
        return reply.code(201).send({ user: toUserDto(r.user), csrfToken });
      },
    );

    app.post(
      '/verify-email',
      { ...strict, schema: { tags, body: VerifyEmailBody, response: { 200: UserEnvelope } } },
      async (req) => ({
        user: toUserDto(await d.verification.verifySignup(req.body, req.user, requestMeta(req))),
      }),
    );

    app.post(
      '/verify-email/resend',
      { ...strict, schema: { tags, body: ResendVerificationBody, response: { 202: Empty } } },
      async (req, reply) => {
        await d.verification.resend(req.user, req.body.email);
        return reply.code(202).send({});
      },
    );

    app.post(
      '/login',
      { ...strict, schema: { tags, body: LoginBody, response: { 200: LoginResponse } } },
      async (req, reply) => {
        const r = await d.signin.login(req.body.email, req.body.password, requestMeta(req));
        if (r.status === 'mfa_required') return r;
        const csrfToken = signIn(reply, r.token, r.sessionId);
        return {
          status: 'ok' as const,
          user: toUserDto(r.user),
          csrfToken,
          ...(req.body.returnToken ? { token: r.token } : {}),
        };
      },
    );

    app.post(
      '/login/2fa',
      { ...strict, schema: { tags, body: LoginTwoFactorBody, response: { 200: LoginResponse } } },
      async (req, reply) => {
        const r = await d.signin.loginTwoFactor(req.body.challenge, req.body.code, requestMeta(req));
        const csrfToken = signIn(reply, r.token, r.sessionId);
        return {
          status: 'ok' as const,
          user: toUserDto(r.user),
          csrfToken,
          ...(req.body.returnToken ? { token: r.token } : {}),
        };
      },
    );

    app.post('/logout', { preHandler: requireUser, schema: { tags } }, async (req, reply) => {
      await d.signin.logout(currentUser(req), requestMeta(req));
      clearSessionCookies(reply, d.cookie);
      return reply.code(204).send();
    });

    app.post('/logout-all', { preHandler: requireUser, schema: { tags } }, async (req, reply) => {
      await d.signin.logoutEverywhere(currentUser(req), requestMeta(req));
      clearSessionCookies(reply, d.cookie);
      return reply.code(204).send();
    });

    app.get(
      '/sessions',
      { preHandler: requireUser, schema: { tags, response: { 200: SessionList } } },
      async (req) => {
        const user = currentUser(req);
        const rows = await d.sessions.list(user.id);
        return { sessions: rows.map((s) => toSessionDto(s, user.sessionId)) };
      },
    );

    app.delete(
      '/sessions/:id',
      { preHandler: requireUser, schema: { tags, params: z.object({ id: z.uuid() }) } },
      async (req, reply) => {
        await d.signin.revokeSession(currentUser(req), req.params.id, requestMeta(req));
        return reply.code(204).send();
      },
    );

    app.post(
      '/password/forgot',
      { ...strict, schema: { tags, body: ForgotPasswordBody, response: { 202: Empty } } },
      async (req, reply) => {
        d.signin.requestPasswordReset(req.body.email, requestMeta(req));
        return reply.code(202).send({});
      },
    );

    app.post(
      '/password/reset',
      { ...strict, schema: { tags, body: ResetPasswordBody } },
      async (req, reply) => {
        await d.signin.resetPassword(req.body.token, req.body.password, requestMeta(req));
        clearSessionCookies(reply, d.cookie);
        return reply.code(204).send();
      },
    );

    app.post(
      '/password/change',
      { ...strict, preHandler: requireUser, schema: { tags, body: ChangePasswordBody } },
      async (req, reply) => {
        const user = currentUser(req);
        await d.signin.changePassword(user, req.body.currentPassword, req.body.newPassword, requestMeta(req));
        return reply.code(204).send();
      },
    );

    app.post(
      '/email/change',
      {
        ...strict,
        preHandler: requireUser,
        schema: { tags, body: ChangeEmailBody, response: { 202: Empty } },
      },
      async (req, reply) => {
        const user = currentUser(req);
        await d.verification.requestEmailChange(user, req.body.newEmail, req.body.password, requestMeta(req));
        return reply.code(202).send({});
      },
    );

    app.post(
      '/email/confirm',
      {
        ...strict,
        preHandler: requireUser,
        schema: { tags, body: ConfirmEmailChangeBody, response: { 200: UserEnvelope } },
      },
      async (req) => ({
        user: toUserDto(
          await d.verification.confirmEmailChange(currentUser(req), req.body, requestMeta(req)),
        ),
      }),
    );

    app.post(
      '/2fa/setup',
      { preHandler: requireUser, schema: { tags, response: { 200: TwoFactorSetupResponse } } },
      async (req) => d.twoFactor.setup(currentUser(req)),
    );

    app.post(
      '/2fa/enable',
      {
        ...strict,
        preHandler: requireUser,
        schema: { tags, body: TwoFactorCodeBody, response: { 200: RecoveryCodesResponse } },
      },
      async (req) => ({
        recoveryCodes: await d.twoFactor.enable(currentUser(req), req.body.code, requestMeta(req)),
      }),
    );

    app.post(
      '/2fa/disable',
      { ...strict, preHandler: requireUser, schema: { tags, body: TwoFactorCodeBody } },
      async (req, reply) => {
        await d.twoFactor.disable(currentUser(req), req.body.code, requestMeta(req));
        return reply.code(204).send();
      },
    );

    app.post(
      '/2fa/recovery-codes',
      {
        ...strict,
        preHandler: requireUser,
        schema: { tags, body: TwoFactorCodeBody, response: { 200: RecoveryCodesResponse } },
      },
      async (req) => ({
        recoveryCodes: await d.twoFactor.regenerateRecoveryCodes(
          currentUser(req),
          req.body.code,
          requestMeta(req),
        ),
      }),
    );
  };
