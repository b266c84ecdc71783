import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { permissionsForRoles } from '../../../shared/permissions.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import type { Principal } from './principal.ts';
import { deleteExpiredSessions, deleteSession, findLiveSession, touchSession } from './session.repository.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOUCH_EVERY_MS = 60_000;

type LiveSession = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

/**
 * Recently read sessions, so that most requests need no database round trip (on the embedded database a
 * session lookup costs about 1.6 ms, which alone would cap the server near 600 requests/s).
 * An entry lives at most `ttlMs`; every change of a user's sessions, roles, language or status in this
 * process forgets her entries at once, so only other processes (several servers on one PostgreSQL) may see
 * such a change up to `ttlMs` late.
 */
export interface SessionCache {
  get(id: string): LiveSession | undefined;
  /** The count of forgets so far: read it before a database lookup and hand it to `set`. */
  generation(): number;
  /** Caches a session read from the database, unless something was forgotten since `generation` was read. */
  set(id: string, session: LiveSession, generation: number): void;
  forget(id: string): void;
  /** Forget every cached session of the user: call after changing anything a principal carries. */
  forgetUser(userId: string): void;
}

function createSessionCache(ttlMs: number, maxEntries = 10_000): SessionCache {
  const entries = new Map<string, { session: LiveSession; until: number }>();
  // A lookup that started before a change and finished after it must not put the old state back.
  let forgets = 0;
  return {
    generation: () => forgets,
    get(id) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.until > Date.now()) return entry.session;
      entries.delete(id);
      return undefined;
    },
    set(id, session, generation) {
      if (ttlMs <= 0 || generation !== forgets) return;
      entries.delete(id);
      entries.set(id, { session, until: Date.now() + ttlMs });
      // Maps iterate in insertion order: the first key is the longest unrefreshed.
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    forget(id) {
      forgets++;
      entries.delete(id);
    },
    forgetUser(userId) {
      forgets++;
      for (const [id, entry] of entries) if (entry.session.userId === userId) entries.delete(id);
    },
  };
}

/** Session settings and the cache of recently read sessions: one per application. */
export interface Sessions {
  cookieName: string;
  secret: string;
  secure: boolean;
  idleMinutes: number;
  absoluteHours: number;
  publicUrl: string | null;
  cache: SessionCache;
}

export function createSessions(config: Config): Sessions {
  return {
    cache: createSessionCache(config.sessionCacheSeconds * 1000),
    // The __Host- prefix pins the cookie to this host and path, but browsers accept it only over HTTPS.
    cookieName: config.secureCookies ? '__Host-sinergi_session' : 'sinergi_session',
    secret: config.sessionSecret,
    secure: config.secureCookies,
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    publicUrl: config.publicUrl,
  };
}

/** The database key of a session: an HMAC of the cookie's token, so a copy of the table opens no session. */
function sessionId(settings: Sessions, token: string): string {
  return createHmac('sha256', settings.secret).update(token).digest('base64url');
}

/** A new session: the cookie's token, its database row (store it with insertSession) and its expiry. */
export function newSession(
  settings: Sessions,
  userId: string,
  client: { ip: string; userAgent: string | null },
) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + settings.absoluteHours * 3_600_000);
  const row = {
    id: sessionId(settings, token),
    userId,
    csrfToken: randomBytes(32).toString('base64url'),
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  };
  return { token, row };
}

/** Sets the session cookie: no expiry, so it ends with the browser (shared office computers); the server ends it sooner. */
export function setSessionCookie(settings: Sessions, reply: FastifyReply, token: string) {
  reply.setCookie(settings.cookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
  });
}

/** The live principal of a session id (used right after sign-in, before the cookie comes back). */
export async function loadPrincipal(
  db: Kysely<Database>,
  settings: Sessions,
  id: string,
): Promise<Principal | null> {
  const row = await findLiveSession(db, id, settings.idleMinutes);
  return row ? toPrincipal(row) : null;
}

function toPrincipal(row: LiveSession): Principal {
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    username: row.username,
    fullName: row.fullName,
    position: row.position,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    organizationShortName: row.organizationShortName,
    organizationKind: row.organizationKind,
    organizationCode: row.organizationCode,
    roles: row.roles,
    permissions: permissionsForRoles(row.roles),
    language: row.language,
    mustChangePassword: row.mustChangePassword,
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
  };
}

/** Ends the request's session (if any) and clears the cookie. */
export async function endSession(
  db: Kysely<Database>,
  settings: Sessions,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const token = request.cookies[settings.cookieName];
  if (token) {
    const id = sessionId(settings, token);
    await deleteSession(db, id);
    settings.cache.forget(id);
  }
  reply.clearCookie(settings.cookieName, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secure,
  });
}

function isLive(session: LiveSession, settings: Sessions, now: number): boolean {
  return (
    session.expiresAt.getTime() > now && session.lastSeenAt.getTime() > now - settings.idleMinutes * 60_000
  );
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Loads `request.principal` from the session cookie on every API request, and refuses state-changing
 * requests that lack the session's CSRF token, or that come from another site.
 */
export function registerSessions(app: FastifyInstance, db: Kysely<Database>, settings: Sessions) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    // The matched route, not the raw address: /%61pi/me reaches /api/me and must pass through here too.
    if (!(request.routeOptions.url ?? request.url).startsWith('/api/')) return;
    const unsafe = UNSAFE_METHODS.has(request.method);
    if (unsafe && isCrossSite(request, settings)) throw new AppError(403, 'CSRF_INVALID');

    const token = request.cookies[settings.cookieName];
    if (!token) return;
    const id = sessionId(settings, token);
    const now = Date.now();
    let row = settings.cache.get(id);
    // A cached session past its deadlines is read again: another server may have kept it alive.
    if (!row || !isLive(row, settings, now)) {
      const generation = settings.cache.generation();
      row = await findLiveSession(db, id, settings.idleMinutes);
      if (!row) {
        settings.cache.forget(id);
        return;
      }
      settings.cache.set(id, row, generation);
    }
    if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await touchSession(db, row.sessionId);
      row.lastSeenAt = new Date(now);
    }
    const principal = toPrincipal(row);
    request.principal = principal;
    if (unsafe) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, row.csrfToken))
        throw new AppError(403, 'CSRF_INVALID');
    }
  });
}

/** A browser's cross-site request: Sec-Fetch-Site says so, or Origin names another host. */
function isCrossSite(request: FastifyRequest, settings: Sessions): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  if (settings.publicUrl && origin === new URL(settings.publicUrl).origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/** Deletes ended sessions (they hold addresses and browsers) at start and then every hour; returns a stop function. */
export function scheduleSessionSweep(db: Kysely<Database>, idleMinutes: number, log: FastifyBaseLogger) {
  const sweep = async () => {
    try {
      const [result] = await deleteExpiredSessions(db, idleMinutes);
      if (result && result.numDeletedRows > 0n)
        log.info({ deleted: Number(result.numDeletedRows) }, 'ended sessions removed');
    } catch (error) {
      log.error({ err: error }, 'session sweep failed');
    }
  };
  void sweep();
  const timer = setInterval(sweep, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
