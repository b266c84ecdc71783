import { describe, expect, it } from 'vitest';
import { PERMISSIONS, permissionsForRoles, ROLE_CODES, ROLES, scopeFor } from './permissions.ts';

describe('permissions', () => {
  it('gives the administrator every permission and a village clerk only the directory', () => {
    expect(permissionsForRoles(['system_admin'])).toEqual([...PERMISSIONS].sort());
    expect(permissionsForRoles(['village_staff'])).toEqual(['read:organization:all']);
  });

  it('unites the permissions of several roles and ignores unknown role codes', () => {
    expect(permissionsForRoles(['prison_head', 'no_such_role', 'viewer'])).toEqual([
      'read:audit:organization',
      'read:organization:all',
      'read:user:organization',
    ]);
  });

  it('returns the widest scope held for an action on an entity', () => {
    const heads = permissionsForRoles(['prison_head']);
    expect(scopeFor(heads, 'read', 'user')).toBe('organization');
    expect(scopeFor(permissionsForRoles(['system_admin']), 'read', 'user')).toBe('all');
    expect(scopeFor(heads, 'manage', 'user')).toBeNull();
  });

  it('names every permission action:entity:scope and defines every role', () => {
    for (const permission of PERMISSIONS)
      expect(permission).toMatch(/^[a-z]+:[a-z_]+:(own|organization|all)$/);
    expect(Object.keys(ROLES).sort()).toEqual([...ROLE_CODES].sort());
  });
});
