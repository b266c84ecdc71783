import type { Consent, RecipientKind } from '../../../shared/consents.ts';
import type { FieldGroup } from '../../../shared/people.ts';
import type { ConsentRow } from './consents.repository.ts';

/**
 * A consent as the caller may see it. Outside corrections (`viewerOrganizationId` given) the other named
 * recipients are left out: one kelurahan or employer must not learn where else she is being placed.
 */
export function presentConsent(row: ConsentRow, viewerOrganizationId?: string, viewerKind?: string): Consent {
  return {
    id: row.id,
    purpose: row.purpose,
    recipientOrganizations: viewerOrganizationId
      ? row.recipient_organizations.filter((organization) => organization.id === viewerOrganizationId)
      : row.recipient_organizations,
    recipientKinds: (viewerKind
      ? row.recipient_kinds.filter((kind) => kind === viewerKind)
      : row.recipient_kinds) as RecipientKind[],
    fieldGroups: row.field_groups as FieldGroup[],
    givenOn: row.given_on,
    evidenceDocument: row.evidence_id ? { id: row.evidence_id, title: row.evidence_title ?? '' } : null,
    withdrawnOn: row.withdrawn_on,
    withdrawnReason: row.withdrawn_reason,
    active: row.withdrawn_on === null,
    recordedByName: row.recorded_by_name,
    createdAt: row.created_at.toISOString(),
  };
}
