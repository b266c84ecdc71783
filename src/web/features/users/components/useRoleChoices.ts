import type { Role } from '../../../../shared/users.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { rolesForKind, useRoles } from '../api/roles.ts';

/** The roles that may be held in the given organization, from its kind. */
export function useRoleChoices(organizationId: string | null): Role[] {
  const roles = useRoles();
  const organizations = useOrganizations();
  const kind = organizations.data?.items.find((organization) => organization.id === organizationId)?.kind;
  return rolesForKind(roles.data?.items ?? [], kind);
}

/** Keeps only the chosen roles that are allowed in the organization picked next. */
export function useAllowedRoleFilter(): (organizationId: string | null, chosen: string[]) => string[] {
  const roles = useRoles();
  const organizations = useOrganizations();
  return (organizationId, chosen) => {
    const kind = organizations.data?.items.find((organization) => organization.id === organizationId)?.kind;
    const allowed = new Set(rolesForKind(roles.data?.items ?? [], kind).map((role) => role.code));
    return chosen.filter((code) => allowed.has(code as Role['code']));
  };
}
