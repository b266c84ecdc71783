import { z } from 'zod';
import { PageQuery, pageOf } from './common.ts';

export const AuditEntry = z
  .object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    actorUserId: z.uuid().nullable(),
    actorUsername: z.string().nullable(),
    actorOrganizationId: z.uuid().nullable(),
    actorOrganizationName: z.string().nullable(),
    action: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    correlationId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

const DateOnly = z.iso.date();

export const AuditFilter = z.object({
  userId: z.uuid().optional(),
  username: z.string().trim().max(100).optional(),
  subjectType: z.string().trim().max(50).optional(),
  subjectId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  /** Inclusive dates (yyyy-mm-dd), in the server's time zone (Asia/Jakarta). */
  from: DateOnly.optional(),
  to: DateOnly.optional(),
});
export const AuditListQuery = PageQuery.extend(AuditFilter.shape).strict();
export type AuditListQuery = z.infer<typeof AuditListQuery>;
export const AuditExportQuery = AuditFilter.strict();
export const AuditList = pageOf(AuditEntry);
export type AuditList = z.infer<typeof AuditList>;
