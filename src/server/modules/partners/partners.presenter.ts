import type { PartnerAgreement, PartnerDetail, PartnerListItem } from '../../../shared/partners.ts';
import type { SECTORS } from '../../../shared/people.ts';
import { presentContact } from '../organizations/organizations.presenter.ts';
import type { PartnerRow } from './partners.repository.ts';

type Sector = (typeof SECTORS)[number];

export function presentPartnerListItem(row: PartnerRow): PartnerListItem {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    type: row.partner_type,
    sectors: (row.sectors ?? []) as Sector[],
    villageId: row.village_id,
    villageName: row.village_name,
    address: row.address,
    willingToEmploy: row.willing_to_employ ?? 'unknown',
    agreementNumber: row.agreement_number,
    agreementExpiresOn: row.agreement_expires_on,
    agreementCurrent: Boolean(row.agreement_current),
    openOpportunities: Number(row.open_opportunities),
    hasProfile: row.profile_id !== null,
  };
}

export function presentPartner(row: PartnerRow, agreements: PartnerAgreement[]): PartnerDetail {
  return {
    ...presentPartnerListItem(row),
    phone: row.phone,
    email: row.email,
    contacts: row.contacts.map(presentContact),
    description: row.description,
    willingnessNote: row.willingness_note,
    agreementSignedOn: row.agreement_signed_on,
    updatedAt: row.updated_at ? row.updated_at.toISOString() : null,
    canEdit: Boolean(row.can_edit),
    version: row.version ?? 0,
    agreements,
  };
}
