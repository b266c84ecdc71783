import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has landed; change the schema with a new dated migration.
// Governance (issue 8): agreements (MoU and PKS under an MoU) with parties, clauses, obligations per party,
// text versions, the workflow and its history, the signed scan, reminders before expiry, and the heads'
// named delegates; the technical work plan (activities, budget, targets); coordination meetings (agenda,
// attendees and attendance, minutes, decisions, action items that carry over, photos); activity reports.
// None of these tables holds a person of the program: action items link to a topic, never to a woman.

const AGREEMENT_STATUSES = sql`('draft', 'in_review', 'agreed', 'signed', 'terminated', 'renewed', 'discarded')`;

export async function up(db: Kysely<any>): Promise<void> {
  // A head names a staff member of her own organization who may agree and sign for it.
  await db.schema
    .createTable('agreement_delegate')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('named_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('app_user.id'))
    .execute();
  await sql`create unique index agreement_delegate_live_idx on agreement_delegate (organization_id, user_id)
    where revoked_at is null`.execute(db);

  // Files of governance records (the signed scan of an agreement, a meeting's photos), stored like person
  // documents: under the documents folder, by a random key.
  await db.schema
    .createTable('governance_file')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('signed_scan', 'meeting_photo')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) =>
      c.notNull().check(sql`media_type in ('application/pdf', 'image/jpeg', 'image/png')`),
    )
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('caption', 'text')
    .addColumn('uploaded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('agreement')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('mou', 'pks')`))
    // A PKS hangs under an MoU; an MoU under nothing.
    .addColumn('parent_id', 'uuid', (c) => c.references('agreement.id'))
    // The organization that drafted it (the shard key); every party reaches it through agreement_party.
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('scope', 'text')
    // Menimbang: one consideration per line.
    .addColumn('considerations', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ${AGREEMENT_STATUSES}`),
    )
    // The number of the current text version (agreement_version); a party's agreement names the one it agreed.
    .addColumn('text_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('valid_from', 'date')
    .addColumn('valid_until', 'date')
    .addColumn('signed_on', 'date')
    .addColumn('signed_place', 'text')
    .addColumn('signed_scan_id', 'uuid', (c) => c.references('governance_file.id'))
    .addColumn('signed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('terminated_on', 'date')
    .addColumn('termination_reason', 'text')
    // A renewal is a new agreement that names the one it renews.
    .addColumn('renews_id', 'uuid', (c) => c.references('agreement.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('agreement_parent_check', sql`(kind = 'mou') = (parent_id is null)`)
    .addCheckConstraint(
      'agreement_validity_check',
      sql`valid_from is null or valid_until is null or valid_until >= valid_from`,
    )
    .execute();
  await db.schema.createIndex('agreement_parent_idx').on('agreement').column('parent_id').execute();
  await db.schema
    .createIndex('agreement_expiry_idx')
    .on('agreement')
    .columns(['status', 'valid_until'])
    .execute();

  await db.schema
    .createTable('agreement_party')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    // 1 = PIHAK PERTAMA, 2 = PIHAK KEDUA, ...
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('signatory_name', 'text')
    .addColumn('signatory_position', 'text')
    // Each party numbers the agreement in its own register.
    .addColumn('document_number', 'text')
    // The text version this party agreed (null: not yet); it agrees the current text when it equals
    // agreement.text_version.
    .addColumn('agreed_text_version', 'integer')
    .addColumn('agreed_at', 'timestamptz')
    .addColumn('agreed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('agreement_party_org_key', ['agreement_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('agreement_party_org_idx')
    .on('agreement_party')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('agreement_clause')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    // Pasal n.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull())
    // Ayat separated by blank lines.
    .addColumn('body', 'text', (c) => c.notNull())
    // The template it was started from (purpose, scope, ...), if any.
    .addColumn('template', 'text')
    .execute();
  await db.schema
    .createIndex('agreement_clause_idx')
    .on('agreement_clause')
    .columns(['agreement_id', 'position'])
    .execute();

  await db.schema
    .createTable('agreement_obligation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('due_on', 'date')
    // Tracking, outside the versioned text.
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'in_progress', 'done', 'not_applicable')`),
    )
    .addColumn('status_note', 'text')
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('agreement_obligation_idx')
    .on('agreement_obligation')
    .columns(['agreement_id', 'organization_id'])
    .execute();

  // Every saved text: a snapshot of title, purpose, scope, considerations, clauses and obligations.
  await db.schema
    .createTable('agreement_version')
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('agreement_version_pkey', ['agreement_id', 'number'])
    .execute();

  await db.schema
    .createTable('agreement_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(
        sql`kind in ('created', 'text_changed', 'submitted', 'agreed', 'agreement_outdated', 'changes_requested',
            'signed', 'terminated', 'renewed', 'reminder', 'obligation_updated', 'parties_changed', 'discarded')`,
      ),
    )
    .addColumn('organization_id', 'uuid', (c) => c.references('organization.id'))
    .addColumn('user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('text_version', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('agreement_event_idx')
    .on('agreement_event')
    .columns(['agreement_id', 'created_at'])
    .execute();

  // A reminder sent once per agreement, expiry date and threshold (90 or 30 days before).
  await db.schema
    .createTable('agreement_reminder')
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('valid_until', 'date', (c) => c.notNull())
    .addColumn('days_before', 'integer', (c) => c.notNull().check(sql`days_before in (90, 30)`))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('agreement_reminder_pkey', ['agreement_id', 'valid_until', 'days_before'])
    .execute();

  await db.schema
    .createTable('work_plan')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreement.id'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('objectives', 'text')
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'active', 'closed')`),
    )
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('work_plan_period_check', sql`period_end >= period_start`)
    .execute();
  await db.schema.createIndex('work_plan_agreement_idx').on('work_plan').column('agreement_id').execute();

  await db.schema
    .createTable('work_plan_activity')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('work_plan_id', 'uuid', (c) => c.notNull().references('work_plan.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(
        sql`kind in ('training_cohort', 'village_socialization', 'bazaar', 'monitoring_visit', 'coordination_meeting',
            'mentoring', 'other')`,
      ),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('responsible_organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('location', 'text')
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    // Rupiah, whole.
    .addColumn('budget_amount', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`budget_amount >= 0`))
    .addColumn('budget_source', 'text', (c) =>
      c.notNull().defaultTo('none').check(sql`budget_source in ('apbn', 'apbd', 'partner', 'other', 'none')`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('planned')
        .check(sql`status in ('planned', 'in_progress', 'done', 'postponed', 'cancelled')`),
    )
    // A training cohort that carries it out (training issue), when there is one.
    .addColumn('cohort_id', 'uuid', (c) => c.references('training_cohort.id'))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('work_plan_activity_dates_check', sql`ends_on >= starts_on`)
    .execute();
  await db.schema
    .createIndex('work_plan_activity_plan_idx')
    .on('work_plan_activity')
    .columns(['work_plan_id', 'position'])
    .execute();

  await db.schema
    .createTable('work_plan_target')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('work_plan_id', 'uuid', (c) => c.notNull().references('work_plan.id').onDelete('cascade'))
    .addColumn('activity_id', 'uuid', (c) => c.references('work_plan_activity.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    // A system figure over the plan's period, or 'manual' (the actual is typed).
    .addColumn('metric', 'text', (c) =>
      c.notNull().check(
        sql`metric in ('women_trained', 'women_certified', 'women_handed_over', 'women_placed',
            'working_6_months', 'manual')`,
      ),
    )
    .addColumn('target_value', 'integer', (c) => c.notNull().check(sql`target_value > 0`))
    .addColumn('manual_actual', 'integer', (c) => c.check(sql`manual_actual >= 0`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('work_plan_target_plan_idx')
    .on('work_plan_target')
    .column('work_plan_id')
    .execute();

  await db.schema
    .createTable('meeting')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // The organizer (the shard key).
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('chair', 'text')
    .addColumn('note_taker', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('planned').check(sql`status in ('planned', 'held', 'cancelled')`),
    )
    // The meeting whose open action items were carried into this one's agenda.
    .addColumn('previous_meeting_id', 'uuid', (c) => c.references('meeting.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('meeting_org_idx')
    .on('meeting')
    .columns(['organization_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('meeting_agenda_item')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().defaultTo('regular').check(sql`kind in ('regular', 'carry_over')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('presenter', 'text')
    // The minutes of this item (notulen).
    .addColumn('minutes', 'text')
    .execute();
  await db.schema
    .createIndex('meeting_agenda_item_idx')
    .on('meeting_agenda_item')
    .columns(['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('meeting_attendee')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    // A user of the system, or a guest by name; organization_id when the attendee's organization is in the
    // directory (a user's own, copied): it gives that organization sight of the meeting.
    .addColumn('user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('organization_id', 'uuid', (c) => c.references('organization.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('job_title', 'text')
    .addColumn('organization_name', 'text')
    .addColumn('attendance', 'text', (c) =>
      c.notNull().defaultTo('invited').check(sql`attendance in ('invited', 'present', 'absent', 'excused')`),
    )
    .execute();
  await db.schema
    .createIndex('meeting_attendee_meeting_idx')
    .on('meeting_attendee')
    .column('meeting_id')
    .execute();
  await db.schema
    .createIndex('meeting_attendee_org_idx')
    .on('meeting_attendee')
    .columns(['organization_id', 'meeting_id'])
    .execute();

  await db.schema
    .createTable('meeting_decision')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'uuid', (c) => c.references('meeting_agenda_item.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_decision_idx').on('meeting_decision').column('meeting_id').execute();

  await db.schema
    .createTable('action_item')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meeting.id'))
    .addColumn('decision_id', 'uuid', (c) => c.references('meeting_decision.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner_organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    // The person responsible: a user, or a name (an official without an account).
    .addColumn('owner_user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('owner_name', 'text')
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'in_progress', 'done', 'cancelled')`),
    )
    .addColumn('done_on', 'date')
    .addColumn('progress_note', 'text')
    // What it is about: an agreement, a work-plan activity, or a topic in words (never a person).
    .addColumn('agreement_id', 'uuid', (c) => c.references('agreement.id'))
    .addColumn('work_plan_activity_id', 'uuid', (c) =>
      c.references('work_plan_activity.id').onDelete('set null'),
    )
    .addColumn('topic', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('action_item_owner_check', sql`owner_user_id is not null or owner_name is not null`)
    .execute();
  await db.schema.createIndex('action_item_meeting_idx').on('action_item').column('meeting_id').execute();
  await db.schema
    .createIndex('action_item_owner_org_idx')
    .on('action_item')
    .columns(['owner_organization_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('action_item_owner_user_idx')
    .on('action_item')
    .columns(['owner_user_id', 'status', 'due_on'])
    .execute();

  // The open action items of earlier meetings carried into a meeting's agenda (its carry_over item).
  await db.schema
    .createTable('meeting_carry_over')
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('action_item_id', 'uuid', (c) => c.notNull().references('action_item.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('meeting_carry_over_pkey', ['meeting_id', 'action_item_id'])
    .execute();

  await db.schema
    .createTable('meeting_photo')
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('file_id', 'uuid', (c) => c.notNull().references('governance_file.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_photo_pkey', ['meeting_id', 'file_id'])
    .execute();

  // An editable report of a meeting or a work-plan activity, for publication (templated, never generated prose).
  await db.schema
    .createTable('activity_report')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('meeting_id', 'uuid', (c) => c.references('meeting.id'))
    .addColumn('activity_id', 'uuid', (c) => c.references('work_plan_activity.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('participants', 'text')
    .addColumn('summary', 'text')
    .addColumn('decisions', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'final')`),
    )
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('activity_report_org_idx')
    .on('activity_report')
    .columns(['organization_id', 'held_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'activity_report',
    'meeting_photo',
    'meeting_carry_over',
    'action_item',
    'meeting_decision',
    'meeting_attendee',
    'meeting_agenda_item',
    'meeting',
    'work_plan_target',
    'work_plan_activity',
    'work_plan',
    'agreement_reminder',
    'agreement_event',
    'agreement_version',
    'agreement_obligation',
    'agreement_clause',
    'agreement_party',
    'agreement',
    'governance_file',
    'agreement_delegate',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
