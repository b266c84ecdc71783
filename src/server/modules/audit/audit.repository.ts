import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ScopeFilter } from '../../platform/access.ts';

type Db = Kysely<Database>;

export interface AuditQueryFilter {
  userId?: string;
  username?: string;
  subjectType?: string;
  subjectId?: string;
  action?: string;
  from?: string;
  to?: string;
  /** The caller's scope (see scopeFilter): what her organization's users did, or only she. */
  scope: ScopeFilter;
}

// Dates in filters are days in the program's time zone, whatever the server's.
const TIME_ZONE = 'Asia/Jakarta';

function filtered(db: Db, filter: AuditQueryFilter) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('organization as o', 'o.id', 'a.actor_organization_id');
  const organizationId = filter.scope.organizationId;
  if (organizationId) {
    // What the organization's users did to its own records (or to records of no organization): a head must
    // not read, through the log, details of another organization's people.
    query = query
      .where('a.actor_organization_id', '=', organizationId)
      .where((eb) =>
        eb.or([
          eb('a.subject_organization_id', 'is', null),
          eb('a.subject_organization_id', '=', organizationId),
        ]),
      );
  }
  if (filter.scope.userId) query = query.where('a.actor_user_id', '=', filter.scope.userId);
  if (filter.userId) query = query.where('a.actor_user_id', '=', filter.userId);
  if (filter.username) query = query.where('a.actor_username', '=', filter.username.toLowerCase());
  if (filter.subjectType) query = query.where('a.subject_type', '=', filter.subjectType);
  if (filter.subjectId) query = query.where('a.subject_id', '=', filter.subjectId);
  if (filter.action) {
    const action = filter.action;
    // "auth" matches every auth.* action; "auth.login" only itself.
    query = action.includes('.')
      ? query.where('a.action', '=', action)
      : query.where('a.action', 'like', `${action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`);
  }
  if (filter.from)
    query = query.where('a.at', '>=', sql<Date>`(${filter.from}::date)::timestamp at time zone ${TIME_ZONE}`);
  if (filter.to) {
    query = query.where(
      'a.at',
      '<',
      sql<Date>`((${filter.to}::date + 1)::timestamp) at time zone ${TIME_ZONE}`,
    );
  }
  return query;
}

const COLUMNS = [
  'a.id',
  'a.at',
  'a.actor_user_id',
  'a.actor_username',
  'a.actor_organization_id',
  'o.name as actor_organization_name',
  'a.action',
  'a.subject_type',
  'a.subject_id',
  'a.correlation_id',
  'a.ip',
  'a.details',
] as const;

export async function listAudit(db: Db, filter: AuditQueryFilter, page: { page: number; pageSize: number }) {
  const [items, count] = await Promise.all([
    filtered(db, filter)
      .select(COLUMNS)
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export function exportAudit(db: Db, filter: AuditQueryFilter, limit: number) {
  return filtered(db, filter)
    .select(COLUMNS)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

export type AuditRecord = Awaited<ReturnType<typeof exportAudit>>[number];
