import type { Kysely } from 'kysely';
import type { AuditListQuery } from '../../../shared/audit.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission, scopeFilter } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { auditCsv, presentAudit } from './audit.presenter.ts';
import { type AuditQueryFilter, exportAudit, listAudit } from './audit.repository.ts';

export const EXPORT_LIMIT = 50_000;

type Filter = Omit<AuditListQuery, 'page' | 'pageSize'>;

function scoped(ctx: RequestContext, filter: Filter): AuditQueryFilter {
  const scope = requirePermission(ctx, 'read:audit');
  return { ...filter, scope: scopeFilter(ctx, scope) };
}

/** The audit log, newest first, within the caller's scope (all, or what her organization's users did). */
export async function list(db: Kysely<Database>, ctx: RequestContext, query: AuditListQuery) {
  const { page, pageSize, ...filter } = query;
  const { items, total } = await listAudit(db, scoped(ctx, filter), { page, pageSize });
  return { items: items.map(presentAudit), total, page, pageSize };
}

/** The filtered audit log as CSV (at most 50,000 rows); the export itself is audited. */
export async function exportCsv(db: Kysely<Database>, ctx: RequestContext, filter: Filter) {
  const rows = await exportAudit(db, scoped(ctx, filter), EXPORT_LIMIT);
  await audit(db, ctx, {
    action: 'audit.exported',
    subjectType: 'audit_log',
    details: { filter, rows: rows.length },
  });
  return auditCsv(rows, ctx.principal.language);
}
