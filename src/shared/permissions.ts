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
  // People. `organization` scope means the people linked to the caller's organization: held by her
  // prison, referred or handed over to her Bapas, consented to her kelurahan, proposed or placed with her
  // partner. What she then sees of each person is decided by her organization's kind and the consent.
  'read:person:organization',
  'manage:person:organization',
  'read:custody:organization',
  'manage:custody:organization',
  'write:note:organization',
  'manage:document:organization',
  'manage:consent:organization',
  'import:person:organization',
  'export:person:organization',
  'anonymize:person:organization',
  'manage:rules:all',
  // Skills training. The taxonomy is read by every signed-in user and edited by administrators; programs,
  // cohorts, the waitlist, attendance and results belong to the prison that runs them (`organization`);
  // a partner's instructor sees and records only the cohorts she teaches (`own`).
  'manage:skill:all',
  'read:training:organization',
  'manage:training:organization',
  'read:training:own',
  'record:attendance:own',
  'reopen:attendance:organization',
  // Host villages, partners and opportunities (ADR 011). Village profiles are read by everyone; a
  // kelurahan edits its own (`organization`), the kecamatan those of its kelurahan (`organization`: its
  // children). The partner directory and opportunities are read by the agencies and kelurahan (`all`), a
  // partner only its own (`own`). Restrictions on an opportunity are reviewed by corrections staff and never
  // reach a partner. Placements: corrections staff propose the people they see; everyone related to a
  // placement (her corrections staff, the opportunity's kelurahan and kecamatan, its partner) moves it on.
  'read:village:all',
  'manage:village:organization',
  'read:partner:all',
  'read:partner:own',
  'manage:partner:organization',
  'manage:partner:own',
  'read:opportunity:all',
  'read:opportunity:own',
  'manage:opportunity:organization',
  'draft:opportunity:own',
  'review:opportunity:all',
  'import:opportunity:organization',
  'propose:placement:organization',
  'manage:placement:organization',
  'manage:placement:own',
  // Matching and planning (ADR 012). Recommendations and candidates are read, and set aside with a reason
  // code, by whoever sees the people (`organization`: the people visible to her); placement plans are made
  // and accepted by corrections staff, who propose. The training-gap planner and the fairness report are
  // aggregate figures over the program (`all`), never a person's record.
  'read:match:organization',
  'decide:match:organization',
  'plan:placement:organization',
  'read:planning:all',
  'read:fairness:all',
  // Release and after (ADR 013). The reintegration plan is built by corrections staff (the prison before
  // release, the Bapas after handover) and read by a kelurahan only for the women placed or intended for it
  // who consented to share their plan. Handover: the prison sends, the Bapas head accepts (assigning a PK)
  // or returns. Supervision: a PK her own caseload (`own`), the Bapas head all of Bapas (`organization`).
  // Outcome checks are recorded by corrections staff; the cohort view is aggregate figures (`all`).
  'read:reintegration:organization',
  'manage:reintegration:organization',
  'read:prerelease:organization',
  'send:handover:organization',
  'decide:handover:organization',
  'read:supervision:own',
  'read:supervision:organization',
  'record:supervision:own',
  'record:supervision:organization',
  'record:outcome:organization',
  'read:outcome:all',
  // Governance (ADR 014). An organization reads and edits the agreements it is party to, the work plans
  // under them and the meetings it organized or attended (`organization`). Agreeing and signing for it is
  // for its head (`approve`), who may name delegates among her staff (checked at run time, not a role).
  'read:agreement:organization',
  'manage:agreement:organization',
  'approve:agreement:organization',
  'read:workplan:organization',
  'manage:workplan:organization',
  'read:meeting:organization',
  'manage:meeting:organization',
  // Insight (ADR 015): aggregate figures, never a person's record. `organization`: the figures of the
  // caller's own scope (her prison's people, her Bapas's clients, her kelurahan's, her partner's) and her
  // organization's monthly report; `all`: the whole program and any organization's report (the three
  // agencies' heads and viewers). Counts 1–4 are hidden outside corrections.
  'read:insight:organization',
  'read:insight:all',
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
  'district_head',
  'village_head',
  'partner_head',
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

const EVERYONE: readonly Permission[] = ['read:organization:all', 'read:village:all'];
const PERSON_READER: readonly Permission[] = [...EVERYONE, 'read:person:organization'];
/** The agencies and kelurahan read the partner directory and every opportunity. */
const PROGRAM_READER: readonly Permission[] = ['read:partner:all', 'read:opportunity:all'];
/** Who sees people may see how they match opportunities, set a recommendation aside, and plan training. */
const MATCH_READER: readonly Permission[] = [
  'read:match:organization',
  'decide:match:organization',
  'read:planning:all',
];
/** Corrections staff: prison and probation, who alone see offence, sentence and behaviour. */
const CORRECTIONS: readonly Permission[] = [
  ...PERSON_READER,
  'manage:person:organization',
  'read:custody:organization',
  'write:note:organization',
  'manage:document:organization',
  ...PROGRAM_READER,
  'review:opportunity:all',
  'propose:placement:organization',
  'manage:placement:organization',
  ...MATCH_READER,
  'plan:placement:organization',
  'read:reintegration:organization',
  'manage:reintegration:organization',
  'read:prerelease:organization',
  'read:outcome:all',
];
/** Kecamatan and kelurahan staff: their villages' profiles, local partners, opportunities and pipelines. */
const VILLAGE_MANAGER: readonly Permission[] = [
  ...PERSON_READER,
  'write:note:organization',
  ...PROGRAM_READER,
  'manage:village:organization',
  'manage:partner:organization',
  'manage:opportunity:organization',
  'import:opportunity:organization',
  'manage:placement:organization',
  ...MATCH_READER,
  'read:fairness:all',
  'read:reintegration:organization',
  'read:outcome:all',
];
/** Person data is not an administrator's business: she manages accounts and rules, not records. */
const ADMIN_ONLY: readonly Permission[] = [
  'read:organization:all',
  'read:village:all',
  'manage:organization:all',
  'read:user:organization',
  'read:user:all',
  'manage:user:all',
  'read:audit:organization',
  'read:audit:all',
  'manage:rules:all',
  'manage:skill:all',
  // The matching weights are hers to set, so she sees whether they skew (aggregates only).
  'read:fairness:all',
];

/** Staff of a party to the program's agreements: agreements, work plans and meetings of their organization. */
const GOVERNANCE: readonly Permission[] = [
  'read:insight:organization',
  'read:agreement:organization',
  'manage:agreement:organization',
  'read:workplan:organization',
  'manage:workplan:organization',
  'read:meeting:organization',
  'manage:meeting:organization',
];
/** The head of an organization agrees and signs for it (and names who may do so in her stead). */
const HEAD: readonly Permission[] = [...GOVERNANCE, 'approve:agreement:organization'];

/** The work-training section (Seksi Kegiatan Kerja) runs training; the prison's other staff read it. */
const TRAINING_MANAGER: readonly Permission[] = [
  'read:training:organization',
  'manage:training:organization',
];

export const ROLES: Record<RoleCode, RoleDefinition> = {
  system_admin: {
    permissions: ADMIN_ONLY,
    // Sees every audit entry and manages every account: held in the agencies, never in a kelurahan or partner.
    organizationKinds: ['prison', 'probation', 'district'],
  },
  prison_head: {
    permissions: [
      ...CORRECTIONS,
      'read:user:organization',
      'read:audit:organization',
      'manage:custody:organization',
      'manage:consent:organization',
      'import:person:organization',
      'export:person:organization',
      'anonymize:person:organization',
      'read:fairness:all',
      ...TRAINING_MANAGER,
      // The supervisor who may reopen a session's attendance after its 7 days.
      'reopen:attendance:organization',
      'send:handover:organization',
      'record:outcome:organization',
      ...HEAD,
      'read:insight:all',
    ],
    organizationKinds: ['prison'],
  },
  prison_binadik: {
    permissions: [
      ...CORRECTIONS,
      'manage:custody:organization',
      'manage:consent:organization',
      'import:person:organization',
      'export:person:organization',
      'read:training:organization',
      'send:handover:organization',
      'record:outcome:organization',
      ...GOVERNANCE,
    ],
    organizationKinds: ['prison'],
  },
  prison_giatja: {
    permissions: [...CORRECTIONS, ...TRAINING_MANAGER, ...GOVERNANCE],
    organizationKinds: ['prison'],
  },
  probation_head: {
    permissions: [
      ...CORRECTIONS,
      'read:user:organization',
      'read:audit:organization',
      'manage:consent:organization',
      'export:person:organization',
      'read:fairness:all',
      'decide:handover:organization',
      'read:supervision:organization',
      'record:supervision:organization',
      'record:outcome:organization',
      ...HEAD,
      'read:insight:all',
    ],
    organizationKinds: ['probation'],
  },
  probation_officer: {
    permissions: [
      ...CORRECTIONS,
      'manage:consent:organization',
      'read:supervision:own',
      'record:supervision:own',
      'record:outcome:organization',
      ...GOVERNANCE,
    ],
    organizationKinds: ['probation'],
  },
  district_staff: { permissions: [...VILLAGE_MANAGER, ...GOVERNANCE], organizationKinds: ['district'] },
  village_staff: { permissions: [...VILLAGE_MANAGER, ...GOVERNANCE], organizationKinds: ['village'] },
  // The Camat and the Lurah: their staff's work, and they agree and sign for their office.
  district_head: {
    permissions: [...VILLAGE_MANAGER, ...HEAD, 'read:insight:all'],
    organizationKinds: ['district'],
  },
  village_head: { permissions: [...VILLAGE_MANAGER, ...HEAD], organizationKinds: ['village'] },
  // A partner's staff member: her organization's profile, its draft opportunities and its pipelines; if
  // she teaches a cohort, its roster and attendance.
  partner_staff: {
    permissions: [
      ...PERSON_READER,
      'read:training:own',
      'record:attendance:own',
      'read:partner:own',
      'manage:partner:own',
      'read:opportunity:own',
      'draft:opportunity:own',
      'manage:placement:own',
      ...GOVERNANCE,
    ],
    organizationKinds: ['partner'],
  },
  // A partner's director (pimpinan): what her staff do, and she signs the PKS.
  partner_head: {
    permissions: [
      ...PERSON_READER,
      'read:partner:own',
      'manage:partner:own',
      'read:opportunity:own',
      'draft:opportunity:own',
      'manage:placement:own',
      ...HEAD,
    ],
    organizationKinds: ['partner'],
  },
  // Program-level figures only (the insight issue): never a person's record.
  viewer: {
    permissions: [
      ...EVERYONE,
      'read:planning:all',
      'read:fairness:all',
      'read:outcome:all',
      'read:insight:all',
    ],
    organizationKinds: null,
  },
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
