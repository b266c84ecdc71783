import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind } from '../../../../shared/permissions.ts';
import type { Role } from '../../../../shared/users.ts';
import { api } from '../../../lib/api.ts';

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api<{ items: Role[] }>('/api/roles', { signal }),
    staleTime: 30 * 60_000,
  });
}

/** Role name in the UI language; the code itself until the roles have loaded. */
export function useRoleName(): (code: string) => string {
  const { i18n } = useTranslation();
  const roles = useRoles();
  return (code) => {
    const role = roles.data?.items.find((item) => item.code === code);
    if (!role) return code;
    return i18n.language === 'en' ? role.nameEn : role.nameId;
  };
}

/** Roles that may be held in an organization of this kind (null kinds: anywhere). */
export function rolesForKind(roles: readonly Role[], kind: OrganizationKind | undefined): Role[] {
  if (!kind) return [];
  return roles.filter((role) => role.organizationKinds === null || role.organizationKinds.includes(kind));
}
