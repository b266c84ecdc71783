import type { Organization, OrganizationSummary } from '../../../shared/organizations.ts';
import type { findOrganization, OrganizationSummaryRow } from './organizations.repository.ts';

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
    contacts: row.contacts.map((contact) => ({
      name: contact.name,
      position: contact.position ?? null,
      phone: contact.phone ?? null,
      email: contact.email ?? null,
    })),
    children: children.map(presentSummary),
    userCount: Number(row.user_count ?? 0),
  };
}
