import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has landed; change the schema with a new dated migration.
// Host villages, partners and opportunities: the kelurahan profile (potentials, community needs,
// facilities, host status) with its revision history, the partner profile of organizations of kind
// partner, opportunities with their required skills, and the placement pipeline per person and opportunity.

const LEVELS = sql`('basic', 'intermediate', 'competent')`;

export async function up(db: Kysely<any>): Promise<void> {
  // One profile per kelurahan (organization of kind village). Code, name and kecamatan are the
  // organization's (code, name, parent); the contact persons are its `contacts`.
  await db.schema
    .createTable('village_profile')
    .addColumn('organization_id', 'uuid', (c) => c.primaryKey().references('organization.id'))
    .addColumn('lurah_name', 'text')
    .addColumn('lurah_phone', 'text')
    .addColumn('population', 'integer', (c) => c.check(sql`population >= 0`))
    .addColumn('area_km2', sql`numeric(8,2)`, (c) => c.check(sql`area_km2 > 0`))
    .addColumn('latitude', sql`numeric(9,6)`, (c) => c.check(sql`latitude between -90 and 90`))
    .addColumn('longitude', sql`numeric(9,6)`, (c) => c.check(sql`longitude between -180 and 180`))
    .addColumn('description', 'text')
    // Host-village status: host since this date, under this agreement (until the governance issue
    // links agreements, the agreement's number and title as text).
    .addColumn('host_since', 'date')
    .addColumn('host_agreement', 'text')
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // Potensi wilayah: what the kelurahan is strong in.
  await db.schema
    .createTable('village_potential')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('village_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('skill_id', 'uuid', (c) => c.references('skill.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('strength', 'smallint', (c) => c.notNull().check(sql`strength between 1 and 5`))
    .addColumn('source', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('village_potential_village_idx')
    .on('village_potential')
    .columns(['village_id', 'position'])
    .execute();

  // Kebutuhan masyarakat: what the community needs, by sector or skill.
  await db.schema
    .createTable('village_need')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('village_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('skill_id', 'uuid', (c) => c.references('skill.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('labour_demand', 'service_needed', 'market')`),
    )
    .addColumn('description', 'text', (c) => c.notNull())
    // How many people (labour demand) or units (service, market) a year; null when unknown.
    .addColumn('size', 'integer', (c) => c.check(sql`size >= 0`))
    // Months (1..12) in which the need arises; empty means all year.
    .addColumn('season_months', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('village_need_village_idx')
    .on('village_need')
    .columns(['village_id', 'position'])
    .execute();

  await db.schema
    .createTable('village_facility')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('village_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('training_venue', 'market_stall', 'community_hub', 'other')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity >= 0`))
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('village_facility_village_idx')
    .on('village_facility')
    .columns(['village_id', 'position'])
    .execute();

  // Who changed what, when: one row per saved version of a profile, with the changes it made
  // ([{ section, action, item, field, from, to }]).
  await db.schema
    .createTable('village_revision')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('village_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('village_revision_version_key', ['village_id', 'version'])
    .execute();

  // The partner profile of an organization of kind partner. Name, address, phone, e-mail and contact
  // persons are the organization's.
  await db.schema
    .createTable('partner_profile')
    .addColumn('organization_id', 'uuid', (c) => c.primaryKey().references('organization.id'))
    .addColumn('partner_type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`partner_type in ('umkm', 'company', 'cooperative', 'training_provider', 'ngo', 'pokmas_lipas', 'government_office')`,
        ),
    )
    .addColumn('sectors', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // Its kelurahan when it is one of the program's (organization of kind village); else the address says where.
    .addColumn('village_id', 'uuid', (c) => c.references('organization.id'))
    .addColumn('description', 'text')
    .addColumn('willing_to_employ', 'text', (c) =>
      c
        .notNull()
        .defaultTo('unknown')
        .check(sql`willing_to_employ in ('yes', 'case_by_case', 'no', 'unknown')`),
    )
    .addColumn('willingness_note', 'text')
    // The PKS that binds it, when there is one (number, dates) until the governance issue links agreements.
    .addColumn('agreement_number', 'text')
    .addColumn('agreement_signed_on', 'date')
    .addColumn('agreement_expires_on', 'date')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'partner_profile_agreement_dates',
      sql`agreement_expires_on is null or agreement_signed_on is null or agreement_expires_on >= agreement_signed_on`,
    )
    .execute();
  await db.schema
    .createIndex('partner_profile_village_idx')
    .on('partner_profile')
    .column('village_id')
    .execute();

  await db.schema
    .createTable('opportunity')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('partner_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('village_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('job_vacancy', 'apprenticeship', 'business_mentoring', 'cooperative_membership', 'tools_capital', 'market_access', 'training_place')`,
        ),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('places', 'integer', (c) => c.notNull().check(sql`places > 0`))
    .addColumn('start_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date')
    // Working pattern: it matters to mothers.
    .addColumn('hours_per_week', 'smallint', (c) => c.check(sql`hours_per_week between 1 and 84`))
    .addColumn('work_hours', 'text')
    .addColumn('shift_work', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('part_time', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('flexible', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('pay_min', 'bigint', (c) => c.check(sql`pay_min >= 0`))
    .addColumn('pay_max', 'bigint', (c) => c.check(sql`pay_max >= 0`))
    .addColumn('pay_period', 'text', (c) =>
      c.check(sql`pay_period in ('month', 'week', 'day', 'piece', 'one_off')`),
    )
    // Work during the sentence under asimilasi is possible here (the matching issue uses it).
    .addColumn('open_to_asimilasi', 'boolean', (c) => c.notNull().defaultTo(false))
    // Restrictions corrections staff must review: never shown to partners.
    .addColumn('restricted_offences', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('restriction_note', 'text')
    .addColumn('restrictions_reviewed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('restrictions_reviewed_at', 'timestamptz')
    // The restrictions' own version: the corrections review checks and bumps it, not `version`, so a
    // review neither conflicts with nor hints anything to a partner editing her draft.
    .addColumn('restrictions_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'open', 'filled', 'closed')`),
    )
    .addColumn('status_reason', 'text')
    .addColumn('opened_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('opened_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('opportunity_dates', sql`closes_on is null or closes_on >= start_on`)
    .addCheckConstraint('opportunity_pay', sql`pay_min is null or pay_max is null or pay_max >= pay_min`)
    .execute();
  await db.schema
    .createIndex('opportunity_village_idx')
    .on('opportunity')
    .columns(['village_id', 'status'])
    .execute();
  await db.schema
    .createIndex('opportunity_partner_idx')
    .on('opportunity')
    .columns(['partner_id', 'status'])
    .execute();

  await db.schema
    .createTable('opportunity_skill')
    .addColumn('opportunity_id', 'uuid', (c) => c.notNull().references('opportunity.id').onDelete('cascade'))
    .addColumn('skill_id', 'uuid', (c) => c.notNull().references('skill.id'))
    .addColumn('min_level', 'text', (c) => c.notNull().check(sql`min_level in ${LEVELS}`))
    .addColumn('essential', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('opportunity_skill_pkey', ['opportunity_id', 'skill_id'])
    .execute();

  // The placement pipeline: one row per person and opportunity, its steps dated and signed.
  await db.schema
    .createTable('placement')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('opportunity_id', 'uuid', (c) => c.notNull().references('opportunity.id'))
    .addColumn('stage', 'text', (c) =>
      c
        .notNull()
        .defaultTo('proposed')
        .check(
          sql`stage in ('proposed', 'contacted', 'interview', 'offered', 'placed', 'ended', 'unsuccessful')`,
        ),
    )
    // Why it was unsuccessful: declined_by_person, declined_by_partner, not_available, other.
    .addColumn('outcome_reason', 'text', (c) =>
      c.check(sql`outcome_reason in ('declined_by_person', 'declined_by_partner', 'not_available', 'other')`),
    )
    .addColumn('outcome_note', 'text')
    .addColumn('placed_on', 'date')
    .addColumn('ended_on', 'date')
    .addColumn('proposed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('proposer_organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // One running proposal per person and opportunity, also when two officers propose at once.
  await sql`create unique index placement_open_key on placement (person_id, opportunity_id)
    where stage not in ('ended', 'unsuccessful')`.execute(db);
  await db.schema
    .createIndex('placement_opportunity_idx')
    .on('placement')
    .columns(['opportunity_id', 'stage'])
    .execute();
  await db.schema.createIndex('placement_person_idx').on('placement').column('person_id').execute();

  await db.schema
    .createTable('placement_step')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('placement_id', 'uuid', (c) => c.notNull().references('placement.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('happened_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('recorded_organization_id', 'uuid', (c) => c.references('organization.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('placement_step_placement_idx')
    .on('placement_step')
    .columns(['placement_id', 'recorded_at'])
    .execute();

  // A woman's access log also finds the pipelines that showed her.
  await sql`drop index audit_log_shown_idx`.execute(db);
  await sql`create index audit_log_shown_idx on audit_log using gin ((details -> 'shown') jsonb_path_ops)
    where action in ('person.listed', 'person.similar_checked', 'person.exported', 'enrolment.listed',
      'enrolment.suitability_checked', 'cohort.roster_viewed', 'attendance.viewed', 'attendance.exported',
      'results.viewed', 'placement.listed')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists audit_log_shown_idx`.execute(db);
  await sql`create index audit_log_shown_idx on audit_log using gin ((details -> 'shown') jsonb_path_ops)
    where action in ('person.listed', 'person.similar_checked', 'person.exported', 'enrolment.listed',
      'enrolment.suitability_checked', 'cohort.roster_viewed', 'attendance.viewed', 'attendance.exported',
      'results.viewed')`.execute(db);
  for (const table of [
    'placement_step',
    'placement',
    'opportunity_skill',
    'opportunity',
    'partner_profile',
    'village_revision',
    'village_facility',
    'village_need',
    'village_potential',
    'village_profile',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
