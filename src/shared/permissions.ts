/**
 * The one place where permissions and the roles that grant them are defined.
 * A permission is `action:entity:scope`; scope is `own`, `organization` or `all`.
 * Server services check them; the web hides what a user may not use (a convenience, never security).
 */

export const SCOPES = ['own', 'organization', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export const PERMISSIONS = [
  'read:organization:all',
  'manage:organization:all',
  'read:user:organization',
  'read:user:all',
  'manage:user:all',
  'read:audit:organization',
  'read:audit:all',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_CODES = [
  'system_admin',
  'prison_head',
  'prison_binadik',
  'prison_giatja',
  'probation_head',
  'probation_officer',
  'district_staff',
  'village_staff',
  'partner_staff',
  'viewer',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

/** Organization kinds a role may be held in (a PK works at a probation office, never at a kelurahan). */
export const ORGANIZATION_KINDS = ['prison', 'probation', 'district', 'village', 'partner'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

interface RoleDefinition {
  permissions: readonly Permission[];
  /** Kinds of organization where this role makes sense; null means any. */
  organizationKinds: readonly OrganizationKind[] | null;
}

const EVERYONE: readonly Permission[] = ['read:organization:all'];

export const ROLES: Record<RoleCode, RoleDefinition> = {
  system_admin: {
    permissions: [...PERMISSIONS],
    // Sees every audit entry and manages every account: held in the agencies, never in a kelurahan or partner.
    organizationKinds: ['prison', 'probation', 'district'],
  },
  prison_head: {
    permissions: [...EVERYONE, 'read:user:organization', 'read:audit:organization'],
    organizationKinds: ['prison'],
  },
  prison_binadik: { permissions: EVERYONE, organizationKinds: ['prison'] },
  prison_giatja: { permissions: EVERYONE, organizationKinds: ['prison'] },
  probation_head: {
    permissions: [...EVERYONE, 'read:user:organization', 'read:audit:organization'],
    organizationKinds: ['probation'],
  },
  probation_officer: { permissions: EVERYONE, organizationKinds: ['probation'] },
  district_staff: { permissions: EVERYONE, organizationKinds: ['district'] },
  village_staff: { permissions: EVERYONE, organizationKinds: ['village'] },
  partner_staff: { permissions: EVERYONE, organizationKinds: ['partner'] },
  viewer: { permissions: EVERYONE, organizationKinds: null },
};

/** The union of the permissions granted by the given roles, sorted. */
export function permissionsForRoles(roles: readonly string[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) {
    const definition = ROLES[role as RoleCode];
    if (definition) for (const permission of definition.permissions) granted.add(permission);
  }
  return [...granted].sort();
}

/**
 * The widest scope the user holds for `action:entity`, or null when none.
 * `all` covers `organization`, which covers `own`.
 */
export function scopeFor(permissions: readonly string[], action: string, entity: string): Scope | null {
  for (const scope of ['all', 'organization', 'own'] as const) {
    if (permissions.includes(`${action}:${entity}:${scope}`)) return scope;
  }
  return null;
}
