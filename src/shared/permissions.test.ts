import { describe, expect, it } from 'vitest';
import { PERMISSIONS, permissionsForRoles, ROLE_CODES, ROLES, scopeFor } from './permissions.ts';

describe('permissions', () => {
  it('gives the administrator accounts and rules but no person record, a village clerk people under consent', () => {
    const admin = permissionsForRoles(['system_admin']);
    expect(admin).toContain('manage:user:all');
    expect(admin).toContain('manage:rules:all');
    expect(admin.filter((permission) => /:(person|custody|note|document|consent):/.test(permission))).toEqual(
      [],
    );
    expect(permissionsForRoles(['village_staff'])).toEqual([
      'decide:match:organization',
      'import:opportunity:organization',
      'manage:agreement:organization',
      'manage:meeting:organization',
      'manage:opportunity:organization',
      'manage:partner:organization',
      'manage:placement:organization',
      'manage:village:organization',
      'manage:workplan:organization',
      'read:agreement:organization',
      'read:fairness:all',
      'read:insight:organization',
      'read:match:organization',
      'read:meeting:organization',
      'read:opportunity:all',
      'read:organization:all',
      'read:outcome:all',
      'read:partner:all',
      'read:person:organization',
      'read:planning:all',
      'read:reintegration:organization',
      'read:village:all',
      'read:workplan:organization',
      'write:note:organization',
    ]);
  });

  it('keeps sentence details to corrections staff and person records from viewers', () => {
    for (const role of ROLE_CODES) {
      const corrections = ['prison', 'probation'].some((kind) =>
        ROLES[role].organizationKinds?.includes(kind as 'prison'),
      );
      const readsCustody = scopeFor(permissionsForRoles([role]), 'read', 'custody') !== null;
      expect(readsCustody, role).toBe(corrections && role !== 'system_admin');
    }
    expect(scopeFor(permissionsForRoles(['viewer']), 'read', 'person')).toBeNull();
  });

  it('unites the permissions of several roles and ignores unknown role codes', () => {
    expect(permissionsForRoles(['partner_staff', 'no_such_role', 'viewer'])).toEqual([
      'draft:opportunity:own',
      'manage:agreement:organization',
      'manage:meeting:organization',
      'manage:partner:own',
      'manage:placement:own',
      'manage:workplan:organization',
      'read:agreement:organization',
      'read:fairness:all',
      'read:insight:all',
      'read:insight:organization',
      'read:meeting:organization',
      'read:opportunity:own',
      'read:organization:all',
      'read:outcome:all',
      'read:partner:own',
      'read:person:organization',
      'read:planning:all',
      'read:training:own',
      'read:village:all',
      'read:workplan:organization',
      'record:attendance:own',
    ]);
  });

  it('lets only the heads agree and sign for their organization, and keeps governance from admins and viewers', () => {
    const heads = ['prison_head', 'probation_head', 'district_head', 'village_head', 'partner_head'] as const;
    for (const role of ROLE_CODES) {
      const approves = scopeFor(permissionsForRoles([role]), 'approve', 'agreement') !== null;
      expect(approves, role).toBe((heads as readonly string[]).includes(role));
    }
    for (const role of ['system_admin', 'viewer'] as const) {
      const granted = permissionsForRoles([role]);
      expect(
        granted.filter((p) => /:(agreement|workplan|meeting):/.test(p)),
        role,
      ).toEqual([]);
    }
    for (const role of ROLE_CODES.filter((r) => r !== 'system_admin' && r !== 'viewer')) {
      expect(scopeFor(permissionsForRoles([role]), 'read', 'meeting'), role).toBe('organization');
      expect(scopeFor(permissionsForRoles([role]), 'manage', 'agreement'), role).toBe('organization');
    }
  });

  it("gives every staff member her own scope of the figures, the three agencies' heads and viewers the program", () => {
    const program = ['prison_head', 'probation_head', 'district_head', 'viewer'];
    for (const role of ROLE_CODES) {
      const scope = scopeFor(permissionsForRoles([role]), 'read', 'insight');
      expect(scope, role).toBe(
        role === 'system_admin' ? null : program.includes(role) ? 'all' : 'organization',
      );
    }
  });

  it('keeps matching to those who see people, plans to corrections staff, and the aggregates from partners', () => {
    for (const role of ['prison_binadik', 'probation_officer', 'district_staff', 'village_staff'] as const) {
      expect(scopeFor(permissionsForRoles([role]), 'read', 'match'), role).toBe('organization');
    }
    for (const role of ['partner_staff', 'viewer', 'system_admin'] as const) {
      expect(scopeFor(permissionsForRoles([role]), 'read', 'match'), role).toBeNull();
    }
    expect(scopeFor(permissionsForRoles(['prison_binadik']), 'plan', 'placement')).toBe('organization');
    expect(scopeFor(permissionsForRoles(['village_staff']), 'plan', 'placement')).toBeNull();
    expect(scopeFor(permissionsForRoles(['partner_staff']), 'read', 'planning')).toBeNull();
    expect(scopeFor(permissionsForRoles(['partner_staff']), 'read', 'fairness')).toBeNull();
    expect(scopeFor(permissionsForRoles(['system_admin']), 'read', 'fairness')).toBe('all');
    expect(scopeFor(permissionsForRoles(['prison_binadik']), 'read', 'fairness')).toBeNull();
  });

  it('lets the work-training section run training, only the prison head reopen attendance, an instructor only her own cohorts', () => {
    const giatja = permissionsForRoles(['prison_giatja']);
    expect(scopeFor(giatja, 'manage', 'training')).toBe('organization');
    expect(scopeFor(giatja, 'reopen', 'attendance')).toBeNull();
    expect(scopeFor(permissionsForRoles(['prison_head']), 'reopen', 'attendance')).toBe('organization');
    expect(scopeFor(permissionsForRoles(['prison_binadik']), 'read', 'training')).toBe('organization');
    expect(scopeFor(permissionsForRoles(['prison_binadik']), 'manage', 'training')).toBeNull();
    const instructor = permissionsForRoles(['partner_staff']);
    expect(scopeFor(instructor, 'read', 'training')).toBe('own');
    expect(scopeFor(instructor, 'manage', 'training')).toBeNull();
    for (const role of ['probation_officer', 'village_staff', 'district_staff', 'viewer', 'system_admin'])
      expect(scopeFor(permissionsForRoles([role]), 'read', 'training'), role).toBeNull();
    expect(scopeFor(permissionsForRoles(['system_admin']), 'manage', 'skill')).toBe('all');
  });

  it('keeps a partner to her own organization, opportunity restrictions to corrections staff and proposals to those who hold the person', () => {
    const partner = permissionsForRoles(['partner_staff']);
    expect(scopeFor(partner, 'read', 'partner')).toBe('own');
    expect(scopeFor(partner, 'read', 'opportunity')).toBe('own');
    expect(scopeFor(partner, 'manage', 'opportunity')).toBeNull();
    expect(scopeFor(partner, 'draft', 'opportunity')).toBe('own');
    for (const role of ROLE_CODES) {
      const kinds = ROLES[role].organizationKinds ?? [];
      const corrections =
        role !== 'system_admin' && kinds.every((kind) => kind === 'prison' || kind === 'probation');
      const granted = permissionsForRoles([role]);
      expect(scopeFor(granted, 'review', 'opportunity') !== null, role).toBe(corrections && kinds.length > 0);
      expect(scopeFor(granted, 'propose', 'placement') !== null, role).toBe(corrections && kinds.length > 0);
    }
    for (const role of ['village_staff', 'district_staff'])
      expect(scopeFor(permissionsForRoles([role]), 'manage', 'village'), role).toBe('organization');
    for (const role of ROLE_CODES)
      expect(scopeFor(permissionsForRoles([role]), 'read', 'village'), role).toBe('all');
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
