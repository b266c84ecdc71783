import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { RoleCode } from '../../../shared/permissions.ts';
import type { Database } from '../../db/schema.ts';

// The notification queries. The service keeps the rules (who receives, when a name may be shown, auditing).

type Db = Kysely<Database>;
type Trx = Kysely<Database> | Transaction<Database>;

/** Active users among `userIds`, with their e-mail address. */
export function activeUsers(trx: Trx, userIds: string[]) {
  return trx
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where('id', 'in', userIds)
    .where('active', '=', true)
    .execute();
}

/** Active users of an organization (only those with one of `roles` when given), with their e-mail address. */
export function activeUsersOf(trx: Trx, organizationId: string, roles?: RoleCode[]) {
  let query = trx
    .selectFrom('app_user')
    .select(['app_user.id', 'app_user.email'])
    .where('app_user.organization_id', '=', organizationId)
    .where('app_user.active', '=', true);
  if (roles && roles.length > 0) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role')
          .select('user_role.user_id')
          .whereRef('user_role.user_id', '=', 'app_user.id')
          .where('user_role.role_code', 'in', roles),
      ),
    );
  }
  return query.execute();
}

export interface NotificationInsert {
  user_id: string;
  kind: string;
  person_id: string | null;
  /** JSON text. */
  params: string;
  link: string | null;
  email_status: 'pending' | null;
}

export async function insertNotifications(trx: Trx, rows: NotificationInsert[]): Promise<void> {
  await trx.insertInto('notification').values(rows).execute();
}

export interface NotificationRow {
  id: string;
  kind: string;
  person_id: string | null;
  params: Record<string, unknown>;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
  /** Null when the reader may not see the person now (or there is none). */
  person_name: string | null;
}

function ofUser(db: Db, userId: string) {
  return db.selectFrom('notification as n').where('n.user_id', '=', userId);
}

/**
 * `visible` is the condition "the reader may see person p now" (visiblePeople), or null when she reads no
 * people at all: the name is then never joined.
 */
function selectRows(db: Db, userId: string, visible: RawBuilder<boolean> | null) {
  const name = visible
    ? sql<string | null>`(select p.full_name from person p where p.id = n.person_id and ${visible})`
    : sql<string | null>`null::text`;
  return ofUser(db, userId).select([
    'n.id',
    'n.kind',
    'n.person_id',
    'n.params',
    'n.link',
    'n.created_at',
    'n.read_at',
    name.as('person_name'),
  ]);
}

/** A page of the user's notifications, newest first. */
export function pageOfUser(
  db: Db,
  userId: string,
  visible: RawBuilder<boolean> | null,
  options: { unreadOnly: boolean; limit: number; offset: number },
): Promise<NotificationRow[]> {
  let query = selectRows(db, userId, visible);
  if (options.unreadOnly) query = query.where('n.read_at', 'is', null);
  return query
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute() as Promise<NotificationRow[]>;
}

/** One of the user's notifications, or undefined when it is not hers. */
export function findOfUser(
  db: Db,
  userId: string,
  visible: RawBuilder<boolean> | null,
  id: string,
): Promise<NotificationRow | undefined> {
  return selectRows(db, userId, visible).where('n.id', '=', id).executeTakeFirst() as Promise<
    NotificationRow | undefined
  >;
}

/** How many notifications the user has (unread only when asked). */
export async function countOfUser(db: Db, userId: string, unreadOnly: boolean): Promise<number> {
  let query = ofUser(db, userId);
  if (unreadOnly) query = query.where('n.read_at', 'is', null);
  const row = await query.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks one of the user's notifications read, if unread. */
export async function markReadOfUser(db: Db, userId: string, id: string): Promise<void> {
  await db
    .updateTable('notification')
    .set({ read_at: sql`now()` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

/** Marks every unread notification of the user read; returns how many. */
export async function markAllReadOfUser(db: Db, userId: string): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
