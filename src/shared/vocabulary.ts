// Plain values shared by the server and the web. Kept free of zod, so the web bundle need not carry it.

/** Demo mode only: one account per role (seeded by db/seed/demo.ts, hinted on the sign-in page), one published password. */
export const DEMO_USERNAMES = [
  'admin',
  'kalapas',
  'lapas.binadik',
  'lapas.giatja',
  'kabapas',
  'pk',
  'kecamatan',
  'kelurahan.krobokan',
  'mitra',
  'instruktur',
  'viewer',
] as const;
export const DEMO_PASSWORD = 'sinergi-demo';

/** Password policy: the server enforces it (platform/auth/password.ts), the web shows it as a hint. */
export const PASSWORD_MIN_LENGTH = 10;

/** Usernames: 3–50 lowercase letters, digits, dots, underscores or hyphens, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;

/** Actions written by the foundation; later modules add `<entity>.<verb>` of their own. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'auth.password_changed',
  'auth.password_change_failed',
  'user.preferences_changed',
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.activated',
  'user.password_reset',
  'user.unlocked',
  'audit.exported',
  // Rules
  'rules.changed',
  // Notes, documents, consent
  // People (core)
  'person.listed',
  'person.viewed',
  'person.created',
  'person.updated',
  'person.referred',
  'person.timeline_viewed',
  'person.similar_checked',
  'person.access_log_viewed',
  'custody.viewed',
  'custody.created',
  'custody.updated',
  'remission.added',
  'remission.removed',
  'behaviour.scored',
  'note.listed',
  'document.listed',
  'consent.listed',
  'note.created',
  'note.edited',
  'document.uploaded',
  'document.downloaded',
  'document.deleted',
  'consent.given',
  'consent.withdrawn',
  // Import, export, data rights
  'person.imported',
  'person.exported',
  'person.data_exported',
  'person.retention_listed',
  'person.anonymized',
  'retention.applied',
  // Skills training
  'skill.created',
  'skill.updated',
  'program.created',
  'program.updated',
  'cohort.created',
  'cohort.updated',
  'cohort.status_changed',
  'cohort.roster_viewed',
  'session.cancelled',
  'session.added',
  'enrolment.requested',
  'enrolment.decided',
  'enrolment.withdrawn',
  'enrolment.allocated',
  'enrolment.deallocated',
  'enrolment.listed',
  'enrolment.suitability_checked',
  'attendance.viewed',
  'attendance.recorded',
  'attendance.reopened',
  'attendance.exported',
  'assessment.recorded',
  'results.viewed',
  'certificate.added',
  'person.training_viewed',
] as const;
