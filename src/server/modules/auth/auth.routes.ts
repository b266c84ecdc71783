import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ChangePasswordRequest, LoginRequest, Me, PreferencesRequest } from '../../../shared/auth.ts';
import { ErrorResponse } from '../../../shared/errors.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import { endSession, loadPrincipal, type Sessions, setSessionCookie } from '../../platform/auth/session.ts';
import { presentMe } from './auth.presenter.ts';
import { changeOwnPassword, login, recordLogout, setLanguage } from './auth.service.ts';

/** Sign-in attempts allowed from one address in `timeWindow` ms. */
export interface LoginRateLimit {
  maxPerAddress: number;
  timeWindow: number;
}

export interface AuthRoutesDeps {
  db: Kysely<Database>;
  sessions: Sessions;
  demo: boolean;
  loginRateLimit: LoginRateLimit;
}

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesDeps> = async (
  app,
  { db, sessions, demo, loginRateLimit },
) => {
  const present = (principal: Parameters<typeof presentMe>[0]) =>
    presentMe(principal, { idleMinutes: sessions.idleMinutes, demo });

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with username and password; sets the session cookie',
        body: LoginRequest,
        response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse, 423: ErrorResponse, 429: ErrorResponse },
      },
      config: {
        // Per address: one machine cannot spray passwords over many usernames. Guessing one account's
        // password is stopped by its lockout (5 attempts), which lives in the database.
        rateLimit: {
          max: loginRateLimit.maxPerAddress,
          timeWindow: loginRateLimit.timeWindow,
          hook: 'preHandler',
        },
      },
    },
    async (request, reply) => {
      const session = await login(
        db,
        sessions,
        { correlationId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        request.body,
      );
      setSessionCookie(sessions, reply, session.token);
      const principal = await loadPrincipal(db, sessions, session.row.id);
      if (!principal) throw new Error('A session just created could not be read back');
      return present(principal);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out: ends the session',
        response: { 204: z.null(), 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, { allowPasswordChange: true });
      await recordLogout(db, ctx);
      await endSession(db, sessions, request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user, her organization, roles, permissions and CSRF token',
        response: { 200: Me, 401: ErrorResponse },
      },
    },
    async (request) => present(contextOf(request, { allowPasswordChange: true }).principal),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change the own password (required after an administrator set or reset it)',
        body: ChangePasswordRequest,
        response: { 204: z.null(), 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(
        db,
        sessions.cache,
        contextOf(request, { allowPasswordChange: true }),
        request.body,
      );
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/api/me/preferences',
    {
      schema: {
        tags,
        summary: 'Remember the interface language of the signed-in user',
        body: PreferencesRequest,
        response: { 200: Me, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const ctx = contextOf(request, { allowPasswordChange: true });
      await setLanguage(db, sessions.cache, ctx, request.body.language);
      return present({ ...ctx.principal, language: request.body.language });
    },
  );
};
