import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has landed; change the schema with a new dated migration.
// Release and after (issue 7): the reintegration plan (pathways with status history, needs with the
// responsible organization, goals made of steps, reviews, the guarantor's letter acknowledged by the
// Lurah), the handover to Bapas with its history, supervision (schedule, sessions, escalations),
// outcome checks at 1/3/6/12 months, and in-app notifications. Tasks are derived from these, not stored.

const PATHWAYS = sql`('identity_documents', 'housing', 'family_children', 'health', 'skills_work', 'finance',
  'attitudes_behaviour', 'legal_obligations')`;
const PATHWAY_STATUSES = sql`('not_started', 'support_required', 'in_progress', 'support_declined', 'done')`;

export async function up(db: Kysely<any>): Promise<void> {
  // The integration milestones' dates, kept beside release_date by the same code (the sentence engine), so
  // the pre-release dashboard can find whose asimilasi, PB, CB or CMB date is near in SQL. Null when the
  // sentence rules out that program (death or life sentence, too long for CB, ...).
  for (const column of ['asimilasi_date', 'parole_date', 'conditional_leave_date', 'pre_release_leave_date'])
    await db.schema.alterTable('person').addColumn(column, 'date').execute();
  await sql`create index person_org_asimilasi_idx on person (organization_id, asimilasi_date)`.execute(db);
  await sql`create index person_org_parole_idx on person (organization_id, parole_date)`.execute(db);
  await sql`create index person_org_cb_idx on person (organization_id, conditional_leave_date)`.execute(db);
  await sql`create index person_org_cmb_idx on person (organization_id, pre_release_leave_date)`.execute(db);
  // The pre-release dashboard reads the people still inside (never released, or back in custody) from this
  // narrow covering index instead of the wide person rows (bench/README.md, pre-release dashboard).
  await sql`create index person_prerelease_idx on person (organization_id)
    include (id, full_name, release_date, asimilasi_date, parole_date, conditional_leave_date, pre_release_leave_date)
    where anonymized_at is null
      and (released_on is null or (returned_on is not null and returned_on >= released_on))`.execute(db);

  await db.schema
    .createTable('reintegration_plan')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().unique().references('person.id').onDelete('cascade'))
    // The prison that holds her record (the owner of the plan, the shard key).
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('intended_village_id', 'uuid', (c) => c.references('organization.id'))
    // The chosen opportunity (matching issue) and, when proposed, its placement.
    .addColumn('opportunity_id', 'uuid', (c) => c.references('opportunity.id'))
    .addColumn('placement_id', 'uuid', (c) => c.references('placement.id'))
    // The guarantor (person.guarantor) signs a guarantee letter that the Lurah acknowledges.
    .addColumn('guarantee_letter_number', 'text')
    .addColumn('guarantee_acknowledged_on', 'date')
    .addColumn('guarantee_acknowledged_by', 'text')
    .addColumn('guarantee_document_id', 'uuid', (c) => c.references('person_document.id'))
    .addColumn('summary', 'text')
    // Pathways whose status is not 'not_started' (0–8), kept by the service with every status change, so
    // the dashboard sorts by completeness without counting pathways per row.
    .addColumn('pathways_started', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`pathways_started between 0 and 8`),
    )
    .addColumn('next_review_on', 'date')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('reintegration_plan_review_idx')
    .on('reintegration_plan')
    .columns(['organization_id', 'next_review_on'])
    .execute();

  await db.schema
    .createTable('reintegration_pathway')
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('reintegration_plan.id').onDelete('cascade'))
    .addColumn('pathway', 'text', (c) => c.notNull().check(sql`pathway in ${PATHWAYS}`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('not_started').check(sql`status in ${PATHWAY_STATUSES}`),
    )
    .addColumn('note', 'text')
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('reintegration_pathway_pkey', ['plan_id', 'pathway'])
    .execute();

  await db.schema
    .createTable('reintegration_need')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('reintegration_plan.id').onDelete('cascade'))
    .addColumn('pathway', 'text', (c) => c.notNull().check(sql`pathway in ${PATHWAYS}`))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('responsible_kind', 'text', (c) =>
      c.notNull().check(sql`responsible_kind in ('prison', 'probation', 'village', 'partner')`),
    )
    .addColumn('responsible_organization_id', 'uuid', (c) => c.references('organization.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'in_progress', 'done', 'cancelled')`),
    )
    .addColumn('due_on', 'date')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('reintegration_need_plan_idx')
    .on('reintegration_need')
    .column('plan_id')
    .execute();

  // The status history of every pathway and need: who changed what, from what, when.
  await db.schema
    .createTable('reintegration_status_change')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('reintegration_plan.id').onDelete('cascade'))
    .addColumn('pathway', 'text', (c) => c.notNull())
    .addColumn('need_id', 'uuid', (c) => c.references('reintegration_need.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('changed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('changed_by_name', 'text', (c) => c.notNull())
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('reintegration_status_change_plan_idx')
    .on('reintegration_status_change')
    .columns(['plan_id', 'at'])
    .execute();

  await db.schema
    .createTable('reintegration_goal')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('reintegration_plan.id').onDelete('cascade'))
    .addColumn('pathway', 'text', (c) => c.notNull().check(sql`pathway in ${PATHWAYS}`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('horizon_months', 'integer', (c) => c.notNull().check(sql`horizon_months in (3, 6, 12)`))
    .addColumn('target_date', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'achieved', 'not_achieved', 'dropped')`),
    )
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('reintegration_goal_plan_idx')
    .on('reintegration_goal')
    .column('plan_id')
    .execute();

  await db.schema
    .createTable('reintegration_goal_step')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('goal_id', 'uuid', (c) => c.notNull().references('reintegration_goal.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'date')
    .addColumn('done_on', 'date')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('reintegration_goal_step_goal_idx')
    .on('reintegration_goal_step')
    .columns(['goal_id', 'position'])
    .execute();

  await db.schema
    .createTable('reintegration_review')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('reintegration_plan.id').onDelete('cascade'))
    .addColumn('reviewed_on', 'date', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('next_review_on', 'date')
    .addColumn('reviewer_user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('reviewer_name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('reintegration_review_plan_idx')
    .on('reintegration_review')
    .columns(['plan_id', 'reviewed_on'])
    .execute();

  // Serah terima: the prison sends a package (a snapshot of plan, skills, documents and consents) to a
  // Bapas, which accepts it and assigns a PK, or returns it with a reason. One live handover per person.
  await db.schema
    .createTable('handover')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('from_organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('to_organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('reintegration_plan.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('sent')
        // ended: supervision over by a return to custody (her next release needs a new handover).
        .check(sql`status in ('sent', 'accepted', 'returned', 'cancelled', 'ended')`),
    )
    .addColumn('package', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('expected_release_date', 'date')
    .addColumn('sent_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('sent_by_name', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('return_reason', 'text')
    // The PK (probation officer) who owns her case once accepted.
    .addColumn('officer_user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create unique index handover_live_key on handover (person_id)
    where status in ('sent', 'accepted')`.execute(db);
  await db.schema
    .createIndex('handover_to_status_idx')
    .on('handover')
    .columns(['to_organization_id', 'status'])
    .execute();
  await db.schema
    .createIndex('handover_person_idx')
    .on('handover')
    .columns(['person_id', 'sent_at'])
    .execute();
  await sql`create index handover_officer_idx on handover (officer_user_id) where status = 'accepted'`.execute(
    db,
  );

  await db.schema
    .createTable('handover_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('handover_id', 'uuid', (c) => c.notNull().references('handover.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) =>
      c
        .notNull()
        .check(sql`action in ('sent', 'accepted', 'returned', 'cancelled', 'officer_changed', 'ended')`),
    )
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('handover_event_handover_idx')
    .on('handover_event')
    .columns(['handover_id', 'at'])
    .execute();

  // Supervision: one recurring schedule per client (default monthly reporting), the sessions held, missed or
  // excused, and the escalation steps after a missed session. next_due_on is kept by the service.
  await db.schema
    .createTable('supervision_schedule')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('reporting_visit')
        .check(sql`kind in ('reporting_visit', 'home_visit', 'workplace_visit', 'group_guidance')`),
    )
    .addColumn('interval', 'text', (c) =>
      c.notNull().defaultTo('monthly').check(sql`interval in ('weekly', 'biweekly', 'monthly')`),
    )
    .addColumn('place', 'text')
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('next_due_on', 'date')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('ended_on', 'date')
    .addColumn('ended_reason', 'text')
    .addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create index supervision_schedule_due_idx on supervision_schedule (organization_id, next_due_on)
    where active`.execute(db);

  await db.schema
    .createTable('supervision_session')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('officer_user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('reporting_visit', 'home_visit', 'workplace_visit', 'group_guidance')`),
    )
    .addColumn('place_kind', 'text', (c) =>
      c.notNull().check(sql`place_kind in ('bapas', 'reporting_post', 'home', 'workplace', 'other')`),
    )
    .addColumn('place', 'text')
    .addColumn('due_on', 'date')
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('attended', 'excused', 'missed')`))
    .addColumn('notes', 'text')
    .addColumn('next_steps', 'text')
    // The browser's key for a visit written offline: sending it twice records it once.
    .addColumn('client_key', 'uuid', (c) => c.unique())
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('supervision_session_person_idx')
    .on('supervision_session')
    .columns(['person_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('supervision_escalation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('session_id', 'uuid', (c) => c.references('supervision_session.id').onDelete('set null'))
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('reminder', 'warning', 'report_to_head')`),
    )
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('resolution_note', 'text')
    .execute();
  await db.schema
    .createIndex('supervision_escalation_person_idx')
    .on('supervision_escalation')
    .columns(['person_id', 'created_at'])
    .execute();

  // How she is doing at 1, 3, 6 and 12 months after release: one check per window.
  await db.schema
    .createTable('outcome_check')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('window_months', 'integer', (c) => c.notNull().check(sql`window_months in (1, 3, 6, 12)`))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('checked_on', 'date', (c) => c.notNull())
    .addColumn('work_status', 'text', (c) =>
      c.check(sql`work_status in ('employed', 'self_employed', 'in_training', 'unemployed', 'not_looking')`),
    )
    .addColumn('income_band', 'text', (c) =>
      c.check(sql`income_band in ('none', 'below_1m', '1m_2m', '2m_3m', '3m_5m', 'above_5m')`),
    )
    .addColumn('business_started', 'boolean')
    .addColumn('housing_stable', 'boolean')
    .addColumn('in_host_village', 'boolean')
    .addColumn('returned_to_custody_on', 'date')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('outcome_check_person_window_key', ['person_id', 'window_months'])
    // Working status is asked of everyone who is out; only a return to custody leaves it empty.
    .addCheckConstraint(
      'outcome_check_work_status',
      sql`work_status is not null or returned_to_custody_on is not null`,
    )
    .execute();

  // In-app notifications, one row per recipient. Never a name in the row: the person's name is looked up
  // when read, so a withdrawn consent hides it at once.
  await db.schema
    .createTable('notification')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.references('person.id').onDelete('cascade'))
    .addColumn('params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('link', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .addColumn('email_status', 'text', (c) => c.check(sql`email_status in ('pending', 'sent', 'failed')`))
    .addColumn('emailed_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('notification_user_idx')
    .on('notification')
    .columns(['user_id', 'created_at'])
    .execute();
  await sql`create index notification_unread_idx on notification (user_id) where read_at is null`.execute(db);
  await sql`create index notification_email_idx on notification (created_at) where email_status = 'pending'`.execute(
    db,
  );

  // The per-person access log finds the new list pages that showed her.
  await sql`drop index audit_log_shown_idx`.execute(db);
  await sql`create index audit_log_shown_idx on audit_log using gin ((details -> 'shown') jsonb_path_ops)
    where action in ('person.listed', 'person.similar_checked', 'person.exported', 'enrolment.listed',
      'enrolment.suitability_checked', 'cohort.roster_viewed', 'attendance.viewed', 'attendance.exported',
      'results.viewed', 'placement.listed', 'match.candidates_listed', 'match.plan_viewed',
      'match.compared', 'prerelease.listed', 'handover.listed', 'caseload.listed', 'task.listed',
      'notification.listed')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists audit_log_shown_idx`.execute(db);
  await sql`create index audit_log_shown_idx on audit_log using gin ((details -> 'shown') jsonb_path_ops)
    where action in ('person.listed', 'person.similar_checked', 'person.exported', 'enrolment.listed',
      'enrolment.suitability_checked', 'cohort.roster_viewed', 'attendance.viewed', 'attendance.exported',
      'results.viewed', 'placement.listed', 'match.candidates_listed', 'match.plan_viewed',
      'match.compared')`.execute(db);
  for (const table of [
    'notification',
    'outcome_check',
    'supervision_escalation',
    'supervision_session',
    'supervision_schedule',
    'handover_event',
    'handover',
    'reintegration_review',
    'reintegration_goal_step',
    'reintegration_goal',
    'reintegration_status_change',
    'reintegration_need',
    'reintegration_pathway',
    'reintegration_plan',
  ]) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
  for (const column of ['pre_release_leave_date', 'conditional_leave_date', 'parole_date', 'asimilasi_date'])
    await db.schema.alterTable('person').dropColumn(column).execute();
}
