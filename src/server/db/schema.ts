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

export interface Database {
  organization: OrganizationTable;
  role: RoleTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
}
