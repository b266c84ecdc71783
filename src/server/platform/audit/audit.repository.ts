import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface AuditRow {
  actorUserId: string | null;
  actorUsername: string | null;
  actorOrganizationId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  subjectOrganizationId: string | null;
  correlationId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export function insertAudit(db: Kysely<Database>, row: AuditRow) {
  return db
    .insertInto('audit_log')
    .values({
      actor_user_id: row.actorUserId,
      actor_username: row.actorUsername,
      actor_organization_id: row.actorOrganizationId,
      action: row.action,
      subject_type: row.subjectType,
      subject_id: row.subjectId,
      subject_organization_id: row.subjectOrganizationId,
      correlation_id: row.correlationId,
      ip: row.ip,
      details: JSON.stringify(row.details),
    })
    .execute();
}
