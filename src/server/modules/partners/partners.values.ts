import type { z } from 'zod';
import type { CreatePartnerRequest, UpdatePartnerRequest } from '../../../shared/partners.ts';
import { presentContact } from '../organizations/organizations.presenter.ts';
import type { OrganizationValues, ProfileValues } from './partners.repository.ts';

// A partner request as stored: the organization's columns and the profile's. Shared by the partner form
// (partners.service.ts) and the spreadsheet import (opportunity-import.service.ts).

type CreateInput = z.output<typeof CreatePartnerRequest>;
type UpdateInput = z.output<typeof UpdatePartnerRequest>;

/** A new partner: its organization and its profile. */
export function partnerValues(body: CreateInput): {
  organization: OrganizationValues;
  profile: ProfileValues;
} {
  return {
    organization: {
      name: body.name,
      short_name: body.shortName ?? null,
      address: body.address ?? null,
      phone: body.phone ?? null,
      email: body.email ?? null,
      contacts: body.contacts.map(presentContact),
    },
    profile: {
      partner_type: body.type,
      sectors: body.sectors,
      village_id: body.villageId ?? null,
      description: body.description ?? null,
      willing_to_employ: body.willingToEmploy,
      willingness_note: body.willingnessNote ?? null,
      agreement_number: body.agreementNumber ?? null,
      agreement_signed_on: body.agreementSignedOn ?? null,
      agreement_expires_on: body.agreementExpiresOn ?? null,
    },
  };
}

/** A change to a partner: only what was sent, and the names of the fields sent (for the audit entry). */
export function partnerChanges(changes: Omit<UpdateInput, 'version'>): {
  organization: Partial<OrganizationValues>;
  profile: Partial<ProfileValues>;
  fields: string[];
} {
  const organization: Partial<OrganizationValues> = {};
  if (changes.name !== undefined) organization.name = changes.name;
  if (changes.shortName !== undefined) organization.short_name = changes.shortName;
  if (changes.address !== undefined) organization.address = changes.address;
  if (changes.phone !== undefined) organization.phone = changes.phone;
  if (changes.email !== undefined) organization.email = changes.email;
  if (changes.contacts !== undefined) organization.contacts = changes.contacts.map(presentContact);

  const profile: Partial<ProfileValues> = {};
  if (changes.type !== undefined) profile.partner_type = changes.type;
  if (changes.sectors !== undefined) profile.sectors = changes.sectors;
  if (changes.villageId !== undefined) profile.village_id = changes.villageId;
  if (changes.description !== undefined) profile.description = changes.description;
  if (changes.willingToEmploy !== undefined) profile.willing_to_employ = changes.willingToEmploy;
  if (changes.willingnessNote !== undefined) profile.willingness_note = changes.willingnessNote;
  if (changes.agreementNumber !== undefined) profile.agreement_number = changes.agreementNumber;
  if (changes.agreementSignedOn !== undefined) profile.agreement_signed_on = changes.agreementSignedOn;
  if (changes.agreementExpiresOn !== undefined) profile.agreement_expires_on = changes.agreementExpiresOn;

  const fields = Object.keys(changes).filter((key) => changes[key as keyof typeof changes] !== undefined);
  return { organization, profile, fields };
}
