import type { Contact, Organization, OrganizationSummary } from '../../../shared/organizations.ts';
import type { findOrganization, OrganizationSummaryRow } from './organizations.repository.ts';

/**
 * A contact person as responses show it (null where nothing was stored). Also normalises a contact as sent
 * (`ContactInput` after parsing) into what `organization.contacts` stores. Villages and partners use it too.
 */
export function presentContact(contact: {
  name: string;
  position?: string | null;
  phone?: string | null;
  email?: string | null;
}): Contact {
  return {
    name: contact.name,
    position: contact.position ?? null,
    phone: contact.phone ?? null,
    email: contact.email ?? null,
  };
}

export function presentSummary(row: OrganizationSummaryRow): OrganizationSummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    shortName: row.short_name,
    code: row.code,
    parentId: row.parent_id,
    parentName: row.parent_name,
    address: row.address,
  };
}

export function presentOrganization(
  row: NonNullable<Awaited<ReturnType<typeof findOrganization>>>,
  children: OrganizationSummaryRow[],
): Organization {
  return {
    ...presentSummary(row),
    phone: row.phone,
    email: row.email,
    contacts: row.contacts.map(presentContact),
    children: children.map(presentSummary),
    userCount: Number(row.user_count ?? 0),
  };
}
