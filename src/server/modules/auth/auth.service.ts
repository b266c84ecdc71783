import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChangePasswordRequest, LoginRequest } from '../../../shared/auth.ts';
import type { Language } from '../../../shared/common.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { audit, auditAnonymous } from '../../platform/audit/audit.ts';
import {
  checkPasswordPolicy,
  dummyPasswordHash,
  hashPassword,
  verifyPassword,
} from '../../platform/auth/password.ts';
import { deleteSessionsOfUser, insertSession } from '../../platform/auth/session.repository.ts';
import { newSession, type SessionCache, type Sessions } from '../../platform/auth/session.ts';
import { AppError } from '../../platform/errors.ts';
import {
  claimAttempt,
  findPasswordHash,
  findUserForLogin,
  lockUser,
  recentUnknownUserFailures,
  recordSuccessfulLogin,
  updateLanguage,
  updateOwnPassword,
} from './auth.repository.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

interface Client {
  correlationId: string;
  ip: string;
  userAgent: string | null;
}

function usernameFingerprint(settings: Sessions, username: string) {
  return createHmac('sha256', settings.secret)
    .update(`username:${username}`)
    .digest('base64url')
    .slice(0, 22);
}

const invalid = () => new AppError(401, 'AUTH_INVALID');
const locked = (until: Date) =>
  new AppError(423, 'AUTH_LOCKED', {
    params: { minutes: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000)) },
  });

/**
 * Checks a username and password and opens a session. Unknown user and wrong password get the same
 * answer (and take the same time); the fifth wrong password in a row locks the account for 15 minutes.
 */
export async function login(
  db: Kysely<Database>,
  settings: Sessions,
  client: Client,
  credentials: LoginRequest,
) {
  const username = credentials.username.toLowerCase();
  const user = await findUserForLogin(db, username);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), credentials.password);
    // The typed name is not stored (it may be a password typed in the wrong field); a keyed fingerprint
    // still ties repeated attempts together. Five of them within 15 minutes answer "locked", counted from
    // the fifth as for a real account, so the lock does not tell which usernames exist.
    const fingerprint = usernameFingerprint(settings, username);
    await auditAnonymous(db, client, {
      action: 'auth.login_failed',
      details: { reason: 'unknown_user', fingerprint },
    });
    const recent = await recentUnknownUserFailures(db, fingerprint, LOCK_MINUTES);
    const fifth = recent[MAX_FAILED_ATTEMPTS - 1];
    throw fifth ? locked(new Date(fifth.getTime() + LOCK_MINUTES * 60_000)) : invalid();
  }
  const actor = {
    actorUserId: user.id,
    actorUsername: user.username,
    actorOrganizationId: user.organization_id,
  };
  const subject = { subjectType: 'user', subjectId: user.id, subjectOrganizationId: user.organization_id };

  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    // Checked and ignored: a locked account takes as long to answer as an unknown name does.
    await verifyPassword(user.password_hash, credentials.password);
    await auditAnonymous(db, client, {
      action: 'auth.login_failed',
      ...actor,
      ...subject,
      details: { reason: 'locked' },
    });
    throw locked(user.locked_until);
  }
  const attempt = await claimAttempt(db, user.id, MAX_FAILED_ATTEMPTS);
  const passwordOk = await verifyPassword(user.password_hash, credentials.password);
  if (attempt === null) {
    // Parallel guesses used up the attempts, or locked the account, while this one was on its way.
    await auditAnonymous(db, client, {
      action: 'auth.login_failed',
      ...actor,
      ...subject,
      details: { reason: 'locked' },
    });
    throw locked(new Date(Date.now() + LOCK_MINUTES * 60_000));
  }
  if (!passwordOk) {
    const attempts = attempt;
    const lockedUntil = await db.transaction().execute(async (trx) => {
      await auditAnonymous(trx, client, {
        action: 'auth.login_failed',
        ...actor,
        ...subject,
        details: { reason: 'wrong_password', attempts },
      });
      if (attempts < MAX_FAILED_ATTEMPTS) return null;
      await lockUser(trx, user.id, LOCK_MINUTES);
      await auditAnonymous(trx, client, {
        action: 'auth.locked',
        ...actor,
        ...subject,
        details: { minutes: LOCK_MINUTES },
      });
      return new Date(Date.now() + LOCK_MINUTES * 60_000);
    });
    throw lockedUntil ? locked(lockedUntil) : invalid();
  }
  if (!user.active) {
    await auditAnonymous(db, client, {
      action: 'auth.login_failed',
      ...actor,
      ...subject,
      details: { reason: 'inactive' },
    });
    throw invalid();
  }
  const session = newSession(settings, user.id, client);
  await db.transaction().execute(async (trx) => {
    if (!(await recordSuccessfulLogin(trx, user.id)))
      throw locked(new Date(Date.now() + LOCK_MINUTES * 60_000));
    await insertSession(trx, session.row);
    await auditAnonymous(trx, client, { action: 'auth.login', ...actor, ...subject });
  });
  return session;
}

const ownRecord = (ctx: RequestContext) => ({
  subjectType: 'user',
  subjectId: ctx.principal.userId,
  subjectOrganizationId: ctx.principal.organizationId,
});

/** Records the sign-out; the route deletes the session and clears the cookie. */
export async function recordLogout(db: Kysely<Database>, ctx: RequestContext) {
  await audit(db, ctx, { action: 'auth.logout', ...ownRecord(ctx) });
}

/** Changes the caller's own password (after checking the current one) and ends her other sessions. */
export async function changeOwnPassword(
  db: Kysely<Database>,
  sessions: SessionCache,
  ctx: RequestContext,
  body: ChangePasswordRequest,
) {
  const { password_hash } = await findPasswordHash(db, ctx.principal.userId);
  if (!(await verifyPassword(password_hash, body.currentPassword))) {
    // A wrong current password counts as a failed sign-in: whoever holds an unattended session cannot
    // guess the password here without limit. The fifth locks the account and ends its sessions.
    const lockedNow = await db.transaction().execute(async (trx) => {
      const attempt = await claimAttempt(trx, ctx.principal.userId, MAX_FAILED_ATTEMPTS);
      await audit(trx, ctx, {
        action: 'auth.password_change_failed',
        ...ownRecord(ctx),
        details: { attempt },
      });
      if (attempt !== null && attempt < MAX_FAILED_ATTEMPTS) return false;
      await lockUser(trx, ctx.principal.userId, LOCK_MINUTES);
      await deleteSessionsOfUser(trx, ctx.principal.userId);
      await audit(trx, ctx, { action: 'auth.locked', ...ownRecord(ctx), details: { minutes: LOCK_MINUTES } });
      return true;
    });
    if (lockedNow) {
      sessions.forgetUser(ctx.principal.userId);
      throw locked(new Date(Date.now() + LOCK_MINUTES * 60_000));
    }
    throw new AppError(400, 'PASSWORD_WRONG', { fields: { currentPassword: { key: 'password_wrong' } } });
  }
  const policy = checkPasswordPolicy(body.newPassword, ctx.principal.username);
  if (policy) throw new AppError(400, 'VALIDATION_FAILED', { fields: { newPassword: policy } });
  if (body.newPassword === body.currentPassword) {
    throw new AppError(400, 'VALIDATION_FAILED', {
      fields: { newPassword: { key: 'password_same_as_current' } },
    });
  }
  const newHash = await hashPassword(body.newPassword);
  await db.transaction().execute(async (trx) => {
    await updateOwnPassword(trx, ctx.principal.userId, newHash);
    await deleteSessionsOfUser(trx, ctx.principal.userId, ctx.principal.sessionId);
    await audit(trx, ctx, {
      action: 'auth.password_changed',
      ...ownRecord(ctx),
    });
  });
  sessions.forgetUser(ctx.principal.userId);
}

/** Remembers the caller's interface language. */
export async function setLanguage(
  db: Kysely<Database>,
  sessions: SessionCache,
  ctx: RequestContext,
  language: Language,
) {
  await db.transaction().execute(async (trx) => {
    await updateLanguage(trx, ctx.principal.userId, language);
    await audit(trx, ctx, {
      action: 'user.preferences_changed',
      ...ownRecord(ctx),
      details: { language },
    });
  });
  sessions.forgetUser(ctx.principal.userId);
}
