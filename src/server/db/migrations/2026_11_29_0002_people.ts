import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has landed; change the schema with a new dated migration.
// People: one record across the agencies. Every table carries the owning organization (the prison that
// registered her) so that a distributed PostgreSQL can shard by it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // Names as one lower-case string for trigram search (name and aliases).
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.check(sql`nik ~ '^[0-9]{16}$'`))
    .addColumn('birth_place', 'text')
    .addColumn('birth_date', 'date')
    .addColumn('education_level', 'text')
    .addColumn('marital_status', 'text')
    .addColumn('dependent_children', 'integer', (c) => c.check(sql`dependent_children >= 0`))
    .addColumn('phone', 'text')
    .addColumn('guarantor', 'jsonb')
    .addColumn('domicile_address', 'text')
    .addColumn('domicile_village_code', 'text')
    .addColumn('domicile_village_name', 'text')
    .addColumn('intended_village_id', 'uuid', (c) => c.references('organization.id'))
    .addColumn('registration_number', 'text')
    .addColumn('interests', 'text')
    .addColumn('preferred_sectors', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('constraints', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('religion', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('photo_document_id', 'uuid')
    // Dates that decide the journey status; kept in step with the custody record by the service.
    .addColumn('release_date', 'date')
    .addColumn('released_on', 'date')
    .addColumn('supervision_end_date', 'date')
    .addColumn('returned_on', 'date')
    .addColumn('anonymized_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create unique index person_nik_key on person (nik) where nik is not null`.execute(db);
  await sql`create unique index person_registration_key on person (organization_id, registration_number)
    where registration_number is not null`.execute(db);
  // Name search: `$q <% search_name` (word similarity) on a GIN trigram index.
  await sql`create index person_search_name_trgm on person using gin (search_name gin_trgm_ops)`.execute(db);
  await db.schema
    .createIndex('person_org_name_idx')
    .on('person')
    .columns(['organization_id', 'full_name'])
    .execute();
  await db.schema
    .createIndex('person_org_release_idx')
    .on('person')
    .columns(['organization_id', 'release_date'])
    .execute();
  await db.schema.createIndex('person_birth_date_idx').on('person').column('birth_date').execute();
  await db.schema
    .createIndex('person_intended_village_idx')
    .on('person')
    .column('intended_village_id')
    .execute();
  await db.schema
    .createIndex('person_domicile_village_idx')
    .on('person')
    .column('domicile_village_code')
    .execute();

  // Self-reported skills now; the training issue's taxonomy refines them (skill_id, evidence).
  await db.schema
    .createTable('person_skill')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sector', 'text')
    .addColumn('level', 'text', (c) =>
      c.notNull().defaultTo('basic').check(sql`level in ('basic', 'intermediate', 'competent')`),
    )
    .addColumn('evidence', 'text', (c) =>
      c
        .notNull()
        .defaultTo('self_reported')
        .check(sql`evidence in ('self_reported', 'trained', 'assessed', 'certified')`),
    )
    .addColumn('skill_id', 'uuid')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('person_skill_person_idx').on('person_skill').column('person_id').execute();
  await sql`create index person_skill_name_trgm on person_skill using gin (lower(name) gin_trgm_ops)`.execute(
    db,
  );

  await db.schema
    .createTable('custody')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('offence_category', 'text')
    .addColumn('court_decision_number', 'text')
    .addColumn('court_decision_date', 'date')
    .addColumn('sentence_kind', 'text', (c) =>
      c.notNull().defaultTo('fixed').check(sql`sentence_kind in ('fixed', 'life', 'death')`),
    )
    .addColumn('sentence_years', 'integer', (c) => c.notNull().defaultTo(0).check(sql`sentence_years >= 0`))
    .addColumn('sentence_months', 'integer', (c) => c.notNull().defaultTo(0).check(sql`sentence_months >= 0`))
    .addColumn('sentence_days', 'integer', (c) => c.notNull().defaultTo(0).check(sql`sentence_days >= 0`))
    .addColumn('fine_amount', 'bigint', (c) => c.check(sql`fine_amount >= 0`))
    .addColumn('fine_substitute_months', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`fine_substitute_months >= 0`),
    )
    .addColumn('fine_substitute_days', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`fine_substitute_days >= 0`),
    )
    .addColumn('fine_paid', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('detention_start_date', 'date')
    .addColumn('release_kind', 'text')
    .addColumn('released_on', 'date')
    .addColumn('supervision_end_date', 'date')
    .addColumn('returned_on', 'date')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('remission')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull().check(sql`days > 0`))
    .addColumn('decree_number', 'text')
    .addColumn('decree_date', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('remission_person_idx').on('remission').column('person_id').execute();

  await db.schema
    .createTable('behaviour_score')
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('month', 'date', (c) => c.notNull().check(sql`extract(day from month) = 1`))
    .addColumn('score', sql`numeric(5,2)`, (c) => c.notNull().check(sql`score >= 0 and score <= 100`))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('behaviour_score_pkey', ['person_id', 'month'])
    .execute();

  // Organizations a person is linked to besides the prison that holds her: Bapas by referral or
  // handover, partners by proposal or placement. Access for probation and partners follows these links.
  await db.schema
    .createTable('person_link')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('referral', 'handover', 'proposal', 'placement')`),
    )
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ended_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('person_link_org_idx')
    .on('person_link')
    .columns(['organization_id', 'person_id'])
    .where(sql.ref('active'), '=', true)
    .execute();
  await db.schema.createIndex('person_link_person_idx').on('person_link').column('person_id').execute();
  // One active link of a kind between a person and an organization, also when two officers act at once.
  await sql`create unique index person_link_active_key on person_link (person_id, organization_id, kind)
    where active`.execute(db);

  await db.schema
    .createTable('consent')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    // Who may see: named organizations and/or whole kinds of organization.
    .addColumn('recipient_organization_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('recipient_kinds', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('field_groups', 'jsonb', (c) => c.notNull())
    .addColumn('given_on', 'date', (c) => c.notNull())
    .addColumn('evidence_document_id', 'uuid')
    .addColumn('withdrawn_on', 'date')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('consent_person_idx').on('consent').column('person_id').execute();
  await sql`create index consent_recipients_idx on consent using gin (recipient_organization_ids)
    where withdrawn_on is null`.execute(db);

  await db.schema
    .createTable('case_note')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('general', 'family', 'health', 'behaviour')`),
    )
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('corrections', 'shared')`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('corrects_note_id', 'uuid', (c) => c.references('case_note.id'))
    .addColumn('author_user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('case_note_person_idx')
    .on('case_note')
    .columns(['person_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('person_document')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) =>
      c.notNull().check(sql`media_type in ('application/pdf', 'image/jpeg', 'image/png')`),
    )
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('visibility', 'text', (c) =>
      c.notNull().defaultTo('corrections').check(sql`visibility in ('corrections', 'shared')`),
    )
    .addColumn('uploaded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('person_document_person_idx')
    .on('person_document')
    .columns(['person_id', 'created_at'])
    .execute();

  // One event stream per person that every module writes to.
  await db.schema
    .createTable('person_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('kind', 'text', (c) => c.notNull())
    // corrections: only prison and probation staff see it; shared: whoever may see the person.
    .addColumn('visibility', 'text', (c) =>
      c.notNull().defaultTo('corrections').check(sql`visibility in ('corrections', 'shared')`),
    )
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_name', 'text')
    .addColumn('organization_id', 'uuid')
    .addColumn('organization_name', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex('person_event_person_idx')
    .on('person_event')
    .columns(['person_id', 'at'])
    .execute();

  // Versioned, configurable rules: sentence milestones, journey window, retention periods, ...
  await db.schema
    .createTable('rule_set')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('rule_set_kind_version_key', ['kind', 'version'])
    .execute();

  // The per-person access log finds the list pages, duplicate checks and exports that showed her.
  await sql`create index audit_log_shown_idx on audit_log using gin ((details -> 'shown') jsonb_path_ops)
    where action in ('person.listed', 'person.similar_checked', 'person.exported')`.execute(db);

  // Import runs: the file's rows are checked (dry run) and committed later from the stored result.
  await db.schema
    .createTable('person_import')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('checked', 'committed', 'failed', 'discarded')`),
    )
    .addColumn('mapping', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('committed_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'person_import',
    'rule_set',
    'person_event',
    'person_document',
    'case_note',
    'consent',
    'person_link',
    'behaviour_score',
    'remission',
    'custody',
    'person_skill',
    'person',
  ]) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
}
