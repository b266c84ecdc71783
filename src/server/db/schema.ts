import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganizationTable {
  id: Generated<string>;
  kind: 'prison' | 'probation' | 'district' | 'village' | 'partner';
  name: string;
  short_name: string | null;
  code: string | null;
  parent_id: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  contacts: JSONColumnType<
    { name: string; position?: string | null; phone?: string | null; email?: string | null }[]
  >;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface RoleTable {
  code: string;
  name_id: string;
  name_en: string;
  sort_order: number;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  email: string | null;
  position: string | null;
  organization_id: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  active: Generated<boolean>;
  language: Generated<'id' | 'en'>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Timestamp;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface UserRoleTable {
  user_id: string;
  role_code: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_organization_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  subject_organization_id: string | null;
  correlation_id: string | null;
  ip: string | null;
  details: JSONColumnType<Record<string, unknown>>;
}

export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface Guarantor {
  name: string;
  relation: string | null;
  address: string | null;
  phone: string | null;
}

export interface WorkConstraints {
  childcare?: boolean;
  partTimeOnly?: boolean;
  health?: string | null;
}

export interface PersonTable {
  id: Generated<string>;
  organization_id: string;
  full_name: string;
  aliases: JSONColumnType<string[]>;
  search_name: string;
  nik: string | null;
  birth_place: string | null;
  birth_date: NullableDate;
  education_level: string | null;
  marital_status: string | null;
  dependent_children: number | null;
  phone: string | null;
  guarantor: JSONColumnType<Guarantor | null, string | null, string | null>;
  domicile_address: string | null;
  domicile_village_code: string | null;
  domicile_village_name: string | null;
  intended_village_id: string | null;
  registration_number: string | null;
  interests: string | null;
  preferred_sectors: JSONColumnType<string[]>;
  constraints: JSONColumnType<WorkConstraints>;
  religion: string | null;
  ethnicity: string | null;
  photo_document_id: string | null;
  release_date: NullableDate;
  released_on: NullableDate;
  supervision_end_date: NullableDate;
  returned_on: NullableDate;
  anonymized_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PersonSkillTable {
  id: Generated<string>;
  person_id: string;
  organization_id: string;
  name: string;
  sector: string | null;
  level: Generated<'basic' | 'intermediate' | 'competent'>;
  evidence: Generated<'self_reported' | 'trained' | 'assessed' | 'certified'>;
  skill_id: string | null;
  note: string | null;
  /** The certificate that raised it to certified, when there is one. */
  certificate_id: string | null;
  /** The cohort whose completion or assessment raised it to trained or assessed. */
  cohort_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CustodyTable {
  person_id: string;
  organization_id: string;
  offence_category: string | null;
  court_decision_number: string | null;
  court_decision_date: NullableDate;
  sentence_kind: Generated<'fixed' | 'life' | 'death'>;
  sentence_years: Generated<number>;
  sentence_months: Generated<number>;
  sentence_days: Generated<number>;
  /** bigint: pg returns it as a string. */
  fine_amount: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  fine_substitute_months: Generated<number>;
  fine_substitute_days: Generated<number>;
  fine_paid: Generated<boolean>;
  detention_start_date: NullableDate;
  release_kind: string | null;
  released_on: NullableDate;
  supervision_end_date: NullableDate;
  returned_on: NullableDate;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface RemissionTable {
  id: Generated<string>;
  person_id: string;
  organization_id: string;
  kind: string;
  days: number;
  decree_number: string | null;
  decree_date: DateColumn;
  created_at: CreatedAt;
}

export interface BehaviourScoreTable {
  person_id: string;
  organization_id: string;
  /** First day of the month. */
  month: DateColumn;
  /** numeric: pg returns it as a string. */
  score: ColumnType<string, number | string, number | string>;
  note: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface PersonLinkTable {
  id: Generated<string>;
  person_id: string;
  organization_id: string;
  kind: 'referral' | 'handover' | 'proposal' | 'placement';
  active: Generated<boolean>;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  ended_at: Date | null;
}

export interface ConsentTable {
  id: Generated<string>;
  person_id: string;
  organization_id: string;
  purpose: string;
  recipient_organization_ids: JSONColumnType<string[]>;
  recipient_kinds: JSONColumnType<string[]>;
  field_groups: JSONColumnType<string[]>;
  given_on: DateColumn;
  evidence_document_id: string | null;
  withdrawn_on: NullableDate;
  withdrawn_reason: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CaseNoteTable {
  id: Generated<string>;
  person_id: string;
  kind: 'general' | 'family' | 'health' | 'behaviour';
  visibility: 'corrections' | 'shared';
  body: string;
  corrects_note_id: string | null;
  author_user_id: string | null;
  author_name: string;
  organization_id: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PersonDocumentTable {
  id: Generated<string>;
  person_id: string;
  category: string;
  title: string;
  file_name: string;
  media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size_bytes: number;
  sha256: string;
  storage_key: string;
  visibility: Generated<'corrections' | 'shared'>;
  uploaded_by: string | null;
  uploaded_by_name: string;
  organization_id: string;
  created_at: CreatedAt;
  deleted_at: Date | null;
}

export interface PersonEventTable {
  id: Generated<string>;
  person_id: string;
  at: CreatedAt;
  kind: string;
  visibility: Generated<'corrections' | 'shared'>;
  actor_user_id: string | null;
  actor_name: string | null;
  organization_id: string | null;
  organization_name: string | null;
  details: JSONColumnType<Record<string, unknown>>;
}

export interface RuleSetTable {
  id: Generated<string>;
  kind: string;
  version: number;
  rules: JSONColumnType<Record<string, unknown>>;
  note: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: CreatedAt;
}

export interface PersonImportTable {
  id: Generated<string>;
  organization_id: string;
  file_name: string;
  sha256: string;
  status: 'checked' | 'committed' | 'failed' | 'discarded';
  mapping: JSONColumnType<Record<string, unknown>>;
  summary: JSONColumnType<Record<string, unknown>>;
  created_by: string | null;
  created_at: CreatedAt;
  committed_at: Date | null;
}

export type SkillLevelValue = 'basic' | 'intermediate' | 'competent';

export interface SkillTable {
  id: Generated<string>;
  sector: string;
  code: string;
  name_id: string;
  name_en: string;
  skkni_reference: string | null;
  description: string | null;
  level_descriptions: JSONColumnType<Partial<Record<SkillLevelValue, string>>, string | undefined, string>;
  aliases: JSONColumnType<string[], string | undefined, string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TrainingProgramTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  description: string | null;
  provider_organization_id: string;
  sessions_count: number;
  /** numeric: read as a string. */
  hours_total: ColumnType<string, string | number, string | number>;
  default_capacity: number;
  eligibility: JSONColumnType<
    { minDaysLeftToServe?: number | null; minBehaviourScore?: number | null },
    string | undefined,
    string
  >;
  certification: Generated<'none' | 'lsp_bnsp' | 'provider'>;
  certification_body: string | null;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TrainingProgramSkillTable {
  program_id: string;
  skill_id: string;
  level: SkillLevelValue;
}

export interface TrainingProgramInstructorTable {
  id: Generated<string>;
  program_id: string;
  user_id: string | null;
  name: string;
}

export interface TrainingUnitTable {
  id: Generated<string>;
  program_id: string;
  skill_id: string | null;
  code: string | null;
  title: string;
  position: number;
}

export interface CohortScheduleSlot {
  /** 1 = Monday .. 7 = Sunday (ISO). */
  weekday: number;
  /** 'HH:MM' */
  start: string;
  end: string;
}

export interface TrainingCohortTable {
  id: Generated<string>;
  organization_id: string;
  program_id: string;
  name: string;
  start_date: string;
  end_date: string;
  schedule: JSONColumnType<CohortScheduleSlot[]>;
  room: string | null;
  instructor_user_id: string | null;
  instructor_name: string | null;
  capacity: number;
  status: Generated<'planned' | 'enrolling' | 'running' | 'completed' | 'cancelled'>;
  status_reason: string | null;
  completed_on: NullableDate;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TrainingSessionTable {
  id: Generated<string>;
  cohort_id: string;
  organization_id: string;
  date: string;
  start_time: string;
  end_time: string;
  status: Generated<'scheduled' | 'cancelled'>;
  cancel_reason: string | null;
  /** 'yyyy-mm-dd' (Asia/Jakarta), set by the database. */
  created_on: ColumnType<string, string | undefined, string>;
  attendance_recorded_at: Date | null;
  attendance_recorded_by: string | null;
  reopened_until: Date | null;
  reopened_by: string | null;
  version: Generated<number>;
}

export interface TrainingEnrolmentTable {
  id: Generated<string>;
  organization_id: string;
  person_id: string;
  program_id: string;
  cohort_id: string | null;
  source: 'self_request' | 'staff_referral';
  status: Generated<
    'pending' | 'approved' | 'declined' | 'allocated' | 'withdrawn' | 'completed' | 'deallocated'
  >;
  note: string | null;
  decision_reason: string | null;
  end_reason: string | null;
  end_note: string | null;
  overrides: JSONColumnType<{ check: string; reason: string }[], string | undefined, string>;
  requested_on: string;
  allocated_at: Date | null;
  joined_on: NullableDate;
  ended_on: NullableDate;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TrainingAttendanceTable {
  session_id: string;
  enrolment_id: string;
  organization_id: string;
  present: boolean;
  absence_reason: 'sick' | 'family_visit' | 'court' | 'refused' | 'other' | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface TrainingAssessmentTable {
  id: Generated<string>;
  organization_id: string;
  enrolment_id: string;
  unit_id: string;
  result: 'competent' | 'not_yet_competent';
  /** numeric: read as a string. */
  score: ColumnType<string | null, string | number | null, string | number | null>;
  assessor_name: string;
  assessed_on: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface CertificateTable {
  id: Generated<string>;
  organization_id: string;
  person_id: string;
  enrolment_id: string | null;
  skill_id: string;
  level: SkillLevelValue;
  number: string;
  issuer: string;
  issued_on: string;
  valid_until: NullableDate;
  document_id: string | null;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface Database {
  organization: OrganizationTable;
  role: RoleTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
  person: PersonTable;
  person_skill: PersonSkillTable;
  custody: CustodyTable;
  remission: RemissionTable;
  behaviour_score: BehaviourScoreTable;
  person_link: PersonLinkTable;
  consent: ConsentTable;
  case_note: CaseNoteTable;
  person_document: PersonDocumentTable;
  person_event: PersonEventTable;
  rule_set: RuleSetTable;
  person_import: PersonImportTable;
  skill: SkillTable;
  training_program: TrainingProgramTable;
  training_program_skill: TrainingProgramSkillTable;
  training_program_instructor: TrainingProgramInstructorTable;
  training_unit: TrainingUnitTable;
  training_cohort: TrainingCohortTable;
  training_session: TrainingSessionTable;
  training_enrolment: TrainingEnrolmentTable;
  training_attendance: TrainingAttendanceTable;
  training_assessment: TrainingAssessmentTable;
  certificate: CertificateTable;
}
