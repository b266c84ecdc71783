import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../access.ts';
import { insertAudit } from './audit.repository.ts';

export interface AuditEvent {
  action: string;
  subjectType?: string;
  subjectId?: string;
  /** The organization the subject belongs to (a user's organization); null for records of no organization. */
  subjectOrganizationId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends an audit entry for the caller; pass the transaction of the change so both commit or neither. */
export function audit(db: Kysely<Database>, ctx: RequestContext, event: AuditEvent) {
  return insertAudit(db, {
    actorUserId: ctx.principal.userId,
    actorUsername: ctx.principal.username,
    actorOrganizationId: ctx.principal.organizationId,
    action: event.action,
    subjectType: event.subjectType ?? null,
    subjectId: event.subjectId ?? null,
    subjectOrganizationId: event.subjectOrganizationId ?? null,
    correlationId: ctx.correlationId,
    ip: ctx.ip,
    details: event.details ?? {},
  });
}

/** Appends an audit entry for a request with no signed-in user yet (sign-in attempts). */
export function auditAnonymous(
  db: Kysely<Database>,
  request: { correlationId: string; ip: string },
  event: AuditEvent & {
    actorUserId?: string | null;
    actorUsername?: string | null;
    actorOrganizationId?: string | null;
  },
) {
  return insertAudit(db, {
    actorUserId: event.actorUserId ?? null,
    actorUsername: event.actorUsername ?? null,
    actorOrganizationId: event.actorOrganizationId ?? null,
    action: event.action,
    subjectType: event.subjectType ?? null,
    subjectId: event.subjectId ?? null,
    subjectOrganizationId: event.subjectOrganizationId ?? null,
    correlationId: request.correlationId,
    ip: request.ip,
    details: event.details ?? {},
  });
}
