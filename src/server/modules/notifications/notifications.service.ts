import type { Kysely, Transaction } from 'kysely';
import type {
  NotificationItem,
  NotificationKind,
  NotificationList,
  NotificationListQuery,
  ReadAllResponse,
  UnreadCount,
} from '../../../shared/notifications.ts';
import { type RoleCode, scopeFor } from '../../../shared/permissions.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { mailEnabled } from '../../platform/mail.ts';
import { visiblePeople } from '../people/people.access.ts';
import {
  activeUsers,
  activeUsersOf,
  countOfUser,
  findOfUser,
  insertNotifications,
  markAllReadOfUser,
  markReadOfUser,
  type NotificationRow,
  pageOfUser,
} from './notifications.repository.ts';

export interface NotifyInput {
  /** One of NOTIFICATION_KINDS (src/shared/notifications.ts): add a new kind there, with its web label. */
  kind: NotificationKind;
  personId?: string | null;
  /** Never a name or other personal data: the listing joins the person's name when the reader may see her. */
  params?: Record<string, string | number>;
  link?: string | null;
}

export interface NotifyRecipients {
  /** Explicit users (inactive ones are skipped). */
  userIds?: string[];
  /** Every active user of this organization, optionally only those with one of `roles`. */
  organizationId?: string;
  /** Only with organizationId (roles alone would mean everyone with the role, everywhere: refused). */
  roles?: RoleCode[];
}

/** Inserts one notification per recipient inside the caller's transaction; returns how many. */
export async function notify(
  trx: Kysely<Database> | Transaction<Database>,
  recipients: NotifyRecipients,
  input: NotifyInput,
): Promise<number> {
  if (recipients.roles && recipients.roles.length > 0 && !recipients.organizationId) {
    // A programming mistake in the calling module, not a user error: fail loudly (and roll back its change).
    throw new Error('notify: recipients.roles needs recipients.organizationId');
  }
  const userIds = new Map<string, string | null>();
  if (recipients.userIds && recipients.userIds.length > 0) {
    for (const row of await activeUsers(trx, recipients.userIds)) userIds.set(row.id, row.email);
  }
  if (recipients.organizationId) {
    for (const row of await activeUsersOf(trx, recipients.organizationId, recipients.roles))
      userIds.set(row.id, row.email);
  }
  if (userIds.size === 0) return 0;
  const mail = mailEnabled();
  const params = JSON.stringify(input.params ?? {});
  await insertNotifications(
    trx,
    [...userIds].map(([userId, email]) => ({
      user_id: userId,
      kind: input.kind,
      person_id: input.personId ?? null,
      params,
      link: input.link ?? null,
      email_status: mail && email ? ('pending' as const) : null,
    })),
  );
  return userIds.size;
}

// ── The reader's side: her own notifications only ──

type Db = Kysely<Database>;

/** "The reader may see person p now" (consent, links and role evaluated per request); null: she reads none. */
function visibility(ctx: RequestContext) {
  return scopeFor(ctx.principal.permissions, 'read', 'person') ? visiblePeople(ctx) : null;
}

/**
 * A notification about someone the reader may not see now (e.g. after a consent withdrawal) shows neither
 * her id nor the link to her record: only that something happened (kind and params, which hold no names).
 */
function present(row: NotificationRow): NotificationItem {
  const hidden = row.person_id !== null && row.person_name === null;
  return {
    id: row.id,
    kind: row.kind,
    personId: hidden ? null : row.person_id,
    personName: row.person_name,
    params: row.params ?? {},
    link: hidden ? null : row.link,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}

/**
 * The caller's notifications, newest first; names joined only for people she may see now. The people whose
 * name is shown are audited (notification.listed, details.shown).
 */
export async function list(
  db: Db,
  ctx: RequestContext,
  query: NotificationListQuery,
): Promise<NotificationList> {
  const userId = ctx.principal.userId;
  const unreadOnly = query.unread ?? false;
  const [rows, total, unread] = await Promise.all([
    pageOfUser(db, userId, visibility(ctx), {
      unreadOnly,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    }),
    countOfUser(db, userId, unreadOnly),
    countOfUser(db, userId, true),
  ]);
  const items = rows.map(present);
  const shown = [
    ...new Set(items.flatMap((item) => (item.personId && item.personName ? [item.personId] : []))),
  ];
  await audit(db, ctx, {
    action: 'notification.listed',
    details: { shown, total, page: query.page, ...(unreadOnly && { unread: true }) },
  });
  return { items, total, page: query.page, pageSize: query.pageSize, unread };
}

export async function unreadCount(db: Db, ctx: RequestContext): Promise<UnreadCount> {
  return { unread: await countOfUser(db, ctx.principal.userId, true) };
}

/** Marks one of the caller's notifications read (again: no change); 404 when it is not hers. */
export async function markRead(db: Db, ctx: RequestContext, id: string): Promise<NotificationItem> {
  await markReadOfUser(db, ctx.principal.userId, id);
  const row = await findOfUser(db, ctx.principal.userId, visibility(ctx), id);
  if (!row) throw notFound('NOTIFICATION_NOT_FOUND');
  return present(row);
}

export async function markAllRead(db: Db, ctx: RequestContext): Promise<ReadAllResponse> {
  return { updated: await markAllReadOfUser(db, ctx.principal.userId) };
}
