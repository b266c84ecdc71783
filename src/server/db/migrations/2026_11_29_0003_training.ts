import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has landed; change the schema with a new dated migration.
// Skills training inside: the skills taxonomy, programs, cohorts and their sessions, the waitlist and
// allocation (enrolment), attendance, competency assessment and certificates. Every table carries the
// owning organization (the prison that runs the training) so that a distributed PostgreSQL can shard by it.

const LEVELS = sql`('basic', 'intermediate', 'competent')`;

/** The seeded taxonomy: [sector, code, name_id, name_en, skkni, aliases (lower-case self-reported names)]. */
const SKILLS: ReadonlyArray<readonly [string, string, string, string, string | null, string[]]> = [
  ['garment', 'garment.sewing', 'Menjahit', 'Sewing', 'KEP.91/MEN/IV/2008', ['menjahit', 'jahit']],
  ['garment', 'garment.fashion', 'Tata busana', 'Fashion design and dressmaking', null, ['tata busana']],
  [
    'garment',
    'garment.embellishment',
    'Menjahit payet dan bordir',
    'Beading and embroidery finishing',
    null,
    ['menjahit payet', 'payet', 'bordir'],
  ],
  ['beauty', 'beauty.makeup', 'Tata rias', 'Make-up', null, ['tata rias', 'rias']],
  ['beauty', 'beauty.bridal', 'Rias pengantin', 'Bridal make-up', 'Kepmenaker 160/2015', ['rias pengantin']],
  ['beauty', 'beauty.hair', 'Tata rambut', 'Hairdressing', null, ['potong rambut', 'tata rambut', 'salon']],
  [
    'beauty',
    'beauty.skin',
    'Tata kecantikan kulit',
    'Skin care',
    null,
    ['tata kecantikan kulit', 'pijat refleksi', 'spa'],
  ],
  ['batik', 'batik.written', 'Membatik tulis', 'Hand-drawn batik', null, ['membatik', 'batik tulis']],
  ['batik', 'batik.stamped', 'Batik cap', 'Stamped batik', null, ['batik cap']],
  ['food', 'food.cooking', 'Tata boga', 'Cooking', null, ['tata boga', 'memasak']],
  [
    'food',
    'food.baking',
    'Membuat kue dan roti',
    'Baking',
    null,
    ['memasak kue', 'membuat roti', 'membuat kue'],
  ],
  ['food', 'food.catering', 'Katering', 'Catering', null, ['katering', 'catering']],
  ['craft', 'craft.knitting', 'Merajut', 'Knitting and crochet', null, ['merajut', 'rajut']],
  ['craft', 'craft.embroidery', 'Sulam', 'Embroidery', null, ['sulam', 'menyulam']],
  [
    'craft',
    'craft.handicraft',
    'Kerajinan tangan',
    'Handicraft',
    null,
    ['kerajinan manik-manik', 'kerajinan', 'membuat sabun'],
  ],
  [
    'laundry',
    'laundry.laundry',
    'Binatu (laundry)',
    'Laundry',
    null,
    ['mencuci dan menyetrika', 'laundry', 'binatu'],
  ],
  [
    'laundry',
    'laundry.cleaning',
    'Jasa kebersihan',
    'Cleaning services',
    null,
    ['kebersihan', 'cleaning service'],
  ],
  ['urban_farming', 'urban_farming.hydroponics', 'Hidroponik', 'Hydroponics', null, ['hidroponik']],
  ['retail', 'retail.selling', 'Berjualan dan kasir', 'Selling and cashiering', null, ['berjualan', 'kasir']],
  ['retail', 'retail.online', 'Jualan daring', 'Online selling', null, ['jualan online', 'jualan daring']],
  ['hospitality', 'hospitality.housekeeping', 'Tata graha', 'Housekeeping', null, ['tata graha']],
  [
    'administration',
    'administration.computing',
    'Komputer dasar',
    'Basic computing',
    null,
    ['komputer dasar', 'komputer'],
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  // The taxonomy: sectors are the fixed vocabulary of `SECTORS` (shared/people.ts); skills are data.
  await db.schema
    .createTable('skill')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_id', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('skkni_reference', 'text')
    .addColumn('description', 'text')
    // What each level means for this skill: { basic, intermediate, competent } in plain words.
    .addColumn('level_descriptions', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Lower-case names under which people report this skill; used to map self-reported skills.
    .addColumn('aliases', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('skill_sector_idx').on('skill').columns(['sector', 'name_id']).execute();
  await sql`create unique index skill_name_key on skill (lower(name_id))`.execute(db);
  for (const [sector, code, nameId, nameEn, skkni, aliases] of SKILLS) {
    await db
      .insertInto('skill')
      .values({
        sector,
        code,
        name_id: nameId,
        name_en: nameEn,
        skkni_reference: skkni,
        aliases: JSON.stringify(aliases),
      })
      .execute();
  }

  // Person skills: each refined onto the taxonomy, with the evidence that backs it.
  await sql`alter table person_skill
    add constraint person_skill_skill_fk foreign key (skill_id) references skill (id),
    add column certificate_id uuid,
    add column cohort_id uuid,
    add column updated_at timestamptz not null default now()`.execute(db);
  // Existing self-reported skills map onto the taxonomy by name (exact name or alias, case-insensitive);
  // where two of a person's names mean one skill ('memasak kue', 'membuat roti'), the first strongest maps
  // and the other stays a free-text skill: one row per person and taxonomy skill carries its evidence.
  await sql`update person_skill ps set skill_id = m.skill_id
    from (
      select distinct on (candidate.person_id, s.id) candidate.id, s.id as skill_id
      from person_skill candidate
      join skill s on lower(candidate.name) = lower(s.name_id) or s.aliases @> to_jsonb(lower(candidate.name))
      where candidate.skill_id is null
        and not exists (select 1 from person_skill held where held.person_id = candidate.person_id and held.skill_id = s.id)
      order by candidate.person_id, s.id,
        array_position(array['certified', 'assessed', 'trained', 'self_reported'], candidate.evidence),
        array_position(array['competent', 'intermediate', 'basic'], candidate.level), candidate.created_at
    ) m
    where ps.id = m.id`.execute(db);
  await db.schema.createIndex('person_skill_skill_idx').on('person_skill').columns(['skill_id']).execute();
  await sql`create unique index person_skill_person_skill_key on person_skill (person_id, skill_id)
    where skill_id is not null`.execute(db);

  await db.schema
    .createTable('training_program')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // The prison's own workshop (its own id) or a partner organization (BLK, LSP, ...).
    .addColumn('provider_organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('sessions_count', 'integer', (c) => c.notNull().check(sql`sessions_count > 0`))
    .addColumn('hours_total', sql`numeric(6,1)`, (c) => c.notNull().check(sql`hours_total > 0`))
    .addColumn('default_capacity', 'integer', (c) => c.notNull().check(sql`default_capacity > 0`))
    // Eligibility: { minDaysLeftToServe (null = the cohort's length), minBehaviourScore, ... }.
    .addColumn('eligibility', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('certification', 'text', (c) =>
      c.notNull().defaultTo('none').check(sql`certification in ('none', 'lsp_bnsp', 'provider')`),
    )
    .addColumn('certification_body', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create unique index training_program_name_key on training_program (organization_id, lower(name))`.execute(
    db,
  );

  await db.schema
    .createTable('training_program_skill')
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('training_program.id').onDelete('cascade'))
    .addColumn('skill_id', 'uuid', (c) => c.notNull().references('skill.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ${LEVELS}`))
    .addPrimaryKeyConstraint('training_program_skill_pkey', ['program_id', 'skill_id'])
    .execute();

  // Instructors of a program: a user account (of the prison or the provider) or a named outsider.
  await db.schema
    .createTable('training_program_instructor')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('training_program.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  // Competency units assessed in a program (SKKNI units where there is a standard).
  await db.schema
    .createTable('training_unit')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('training_program.id').onDelete('cascade'))
    .addColumn('skill_id', 'uuid', (c) => c.references('skill.id'))
    .addColumn('code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_unit_program_idx')
    .on('training_unit')
    .columns(['program_id', 'position'])
    .execute();

  await db.schema
    .createTable('training_cohort')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('training_program.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    // [{ weekday: 1 (Monday) .. 7, start: 'HH:MM', end: 'HH:MM' }]
    .addColumn('schedule', 'jsonb', (c) => c.notNull())
    .addColumn('room', 'text')
    .addColumn('instructor_user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('instructor_name', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('planned')
        .check(sql`status in ('planned', 'enrolling', 'running', 'completed', 'cancelled')`),
    )
    .addColumn('status_reason', 'text')
    .addColumn('completed_on', 'date')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('training_cohort_dates', sql`end_date >= start_date`)
    .execute();
  await db.schema
    .createIndex('training_cohort_org_idx')
    .on('training_cohort')
    .columns(['organization_id', 'start_date'])
    .execute();
  await db.schema
    .createIndex('training_cohort_program_idx')
    .on('training_cohort')
    .columns(['program_id', 'status'])
    .execute();
  await db.schema
    .createIndex('training_cohort_instructor_idx')
    .on('training_cohort')
    .column('instructor_user_id')
    .execute();

  await db.schema
    .createTable('training_session')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('cohort_id', 'uuid', (c) => c.notNull().references('training_cohort.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('scheduled').check(sql`status in ('scheduled', 'cancelled')`),
    )
    .addColumn('cancel_reason', 'text')
    // The day the session entered the system (Asia/Jakarta). Attendance locks 7 days after the session or
    // after this day, whichever is later: a cohort entered after it began can still have its past filled in.
    .addColumn('created_on', 'date', (c) =>
      c.notNull().defaultTo(sql`(now() at time zone 'Asia/Jakarta')::date`),
    )
    .addColumn('attendance_recorded_at', 'timestamptz')
    .addColumn('attendance_recorded_by', 'uuid', (c) => c.references('app_user.id'))
    // A supervisor reopened the attendance of a locked session until this moment.
    .addColumn('reopened_until', 'timestamptz')
    .addColumn('reopened_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('training_session_slot_key', ['cohort_id', 'date', 'start_time'])
    .execute();

  // Waitlist and allocation: a request (by the woman, recorded by staff) or a referral by staff for a
  // program, then allocation to one of its cohorts, then its end (completed, withdrawn, released, ...).
  await db.schema
    .createTable('training_enrolment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('training_program.id'))
    .addColumn('cohort_id', 'uuid', (c) => c.references('training_cohort.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('self_request', 'staff_referral')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(
          sql`status in ('pending', 'approved', 'declined', 'allocated', 'withdrawn', 'completed', 'deallocated')`,
        ),
    )
    .addColumn('note', 'text')
    .addColumn('decision_reason', 'text')
    // Why an allocation ended: completed, withdrawn, released, transferred, health, discipline.
    .addColumn('end_reason', 'text')
    .addColumn('end_note', 'text')
    // Suitability warnings staff overrode at allocation: [{ check, reason }].
    .addColumn('overrides', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('requested_on', 'date', (c) => c.notNull())
    .addColumn('allocated_at', 'timestamptz')
    // The first day she takes part: null means from the cohort's start (allocated before it ran, or entered
    // afterwards); set to the allocation day when she joins a cohort already running. Sessions before it are
    // not hers: they stay unmarked for her.
    .addColumn('joined_on', 'date')
    .addColumn('ended_on', 'date')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // One open request or allocation per person and program, also when two officers act at once.
  await sql`create unique index training_enrolment_open_key on training_enrolment (person_id, program_id)
    where status in ('pending', 'approved', 'allocated')`.execute(db);
  await db.schema
    .createIndex('training_enrolment_cohort_idx')
    .on('training_enrolment')
    .columns(['cohort_id', 'status'])
    .execute();
  await db.schema
    .createIndex('training_enrolment_program_idx')
    .on('training_enrolment')
    .columns(['program_id', 'status'])
    .execute();
  await db.schema
    .createIndex('training_enrolment_org_requested_idx')
    .on('training_enrolment')
    .columns(['organization_id', 'requested_on'])
    .execute();
  await db.schema
    .createIndex('training_enrolment_person_idx')
    .on('training_enrolment')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('training_attendance')
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('training_session.id').onDelete('cascade'))
    .addColumn('enrolment_id', 'uuid', (c) =>
      c.notNull().references('training_enrolment.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('present', 'boolean', (c) => c.notNull())
    .addColumn('absence_reason', 'text', (c) =>
      c.check(sql`absence_reason in ('sick', 'family_visit', 'court', 'refused', 'other')`),
    )
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('training_attendance_pkey', ['session_id', 'enrolment_id'])
    .addCheckConstraint('training_attendance_reason', sql`present or absence_reason is not null`)
    .execute();
  await db.schema
    .createIndex('training_attendance_enrolment_idx')
    .on('training_attendance')
    .column('enrolment_id')
    .execute();

  await db.schema
    .createTable('training_assessment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('enrolment_id', 'uuid', (c) =>
      c.notNull().references('training_enrolment.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'uuid', (c) => c.notNull().references('training_unit.id'))
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('competent', 'not_yet_competent')`))
    .addColumn('score', sql`numeric(5,2)`, (c) => c.check(sql`score >= 0 and score <= 100`))
    .addColumn('assessor_name', 'text', (c) => c.notNull())
    .addColumn('assessed_on', 'date', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('training_assessment_unit_key', ['enrolment_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('training_assessment_unit_idx')
    .on('training_assessment')
    .column('unit_id')
    .execute();

  await db.schema
    .createTable('certificate')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('enrolment_id', 'uuid', (c) => c.references('training_enrolment.id'))
    .addColumn('skill_id', 'uuid', (c) => c.notNull().references('skill.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ${LEVELS}`))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('valid_until', 'date')
    .addColumn('document_id', 'uuid', (c) => c.references('person_document.id'))
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // A certificate number is unique for its issuer.
  await sql`create unique index certificate_number_key on certificate (lower(issuer), lower(number))`.execute(
    db,
  );
  await db.schema.createIndex('certificate_person_idx').on('certificate').column('person_id').execute();
  await sql`alter table person_skill add constraint person_skill_certificate_fk
    foreign key (certificate_id) references certificate (id) on delete set null`.execute(db);

  // A woman's access log also finds the training lists that showed her (waitlist, roster, attendance).
  await sql`drop index audit_log_shown_idx`.execute(db);
  await sql`create index audit_log_shown_idx on audit_log using gin ((details -> 'shown') jsonb_path_ops)
    where action in ('person.listed', 'person.similar_checked', 'person.exported', 'enrolment.listed',
      'enrolment.suitability_checked', 'cohort.roster_viewed', 'attendance.viewed', 'attendance.exported',
      'results.viewed')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists audit_log_shown_idx`.execute(db);
  await sql`create index audit_log_shown_idx on audit_log using gin ((details -> 'shown') jsonb_path_ops)
    where action in ('person.listed', 'person.similar_checked', 'person.exported')`.execute(db);
  await sql`alter table person_skill drop constraint if exists person_skill_certificate_fk,
    drop constraint if exists person_skill_skill_fk,
    drop column if exists certificate_id, drop column if exists cohort_id,
    drop column if exists updated_at`.execute(db);
  await sql`update person_skill set skill_id = null`.execute(db);
  for (const table of [
    'certificate',
    'training_assessment',
    'training_attendance',
    'training_enrolment',
    'training_session',
    'training_cohort',
    'training_unit',
    'training_program_instructor',
    'training_program_skill',
    'training_program',
    'skill',
  ]) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
}
