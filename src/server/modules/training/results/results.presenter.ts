import type { Certificate } from '../../../../shared/results.ts';
import type { CertificateRow } from './results.repository.ts';

export function presentCertificate(row: CertificateRow): Certificate {
  return {
    id: row.id,
    personId: row.person_id,
    enrolmentId: row.enrolment_id,
    skillId: row.skill_id,
    skillName: row.skill_name,
    level: row.level,
    number: row.number,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    validUntil: row.valid_until,
    documentId: row.document_id,
    createdAt: row.created_at.toISOString(),
  };
}

/** A numeric(5,2) as read from the database ('87.50') as a number, or null. */
export function scoreOf(value: string | null): number | null {
  return value === null ? null : Number(value);
}
