import type { AuditEntry } from '../../../shared/audit.ts';
import type { AuditRecord } from './audit.repository.ts';

export function presentAudit(row: AuditRecord): AuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    actorOrganizationId: row.actor_organization_id,
    actorOrganizationName: row.actor_organization_name,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    correlationId: row.correlation_id,
    ip: row.ip,
    details: row.details,
  };
}

const jakarta = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Jakarta',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** dd/mm/yyyy HH:mm:ss in Western Indonesian Time. */
function formatJakarta(date: Date): string {
  return jakarta.format(date).replace(',', '');
}

/**
 * One CSV cell: quoted when needed, and a leading = + - @ neutralised so a spreadsheet never runs
 * a cell as a formula (CSV injection).
 */
function cell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const HEADER = {
  id: [
    'No',
    'Waktu (WIB)',
    'Pengguna',
    'Organisasi',
    'Tindakan',
    'Jenis subjek',
    'ID subjek',
    'ID korelasi',
    'IP',
    'Rincian',
  ],
  en: [
    'No',
    'Time (WIB)',
    'User',
    'Organization',
    'Action',
    'Subject type',
    'Subject id',
    'Correlation id',
    'IP',
    'Details',
  ],
};

/** The audit entries as CSV (UTF-8 with BOM so Excel reads it right). */
export function auditCsv(rows: AuditRecord[], language: 'id' | 'en'): string {
  const lines = [HEADER[language].map(cell).join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.id,
        formatJakarta(row.at),
        row.actor_username,
        row.actor_organization_name,
        row.action,
        row.subject_type,
        row.subject_id,
        row.correlation_id,
        row.ip,
        row.details,
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
