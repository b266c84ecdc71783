import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has landed; change the schema with a new dated migration.
// Matching and planning (issue 6): the legal minimum age of an opportunity, what a placement was proposed
// from (score, rules version, factors, plan), staff decisions on a person–opportunity pair (set aside with a
// reason code, restriction cleared or refused by corrections), every recommendation shown with the version of
// the weights that scored it, and placement plans for a release window with their items.

export async function up(db: Kysely<any>): Promise<void> {
  // Age is never a ranking input; only a legal gate where the job requires it (e.g. 18 for night shifts).
  await db.schema
    .alterTable('opportunity')
    .addColumn('min_age', 'integer', (c) => c.check(sql`min_age between 15 and 70`))
    .execute();

  await db.schema
    .createTable('placement_plan')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('window_from', 'date', (c) => c.notNull())
    .addColumn('window_to', 'date', (c) => c.notNull())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'accepted', 'discarded')`),
    )
    .addColumn('people_count', 'integer', (c) => c.notNull())
    .addColumn('places_count', 'integer', (c) => c.notNull())
    .addColumn('assigned_count', 'integer', (c) => c.notNull())
    .addColumn('total_score', sql`numeric(12,1)`, (c) => c.notNull())
    .addColumn('greedy_total', sql`numeric(12,1)`, (c) => c.notNull())
    .addColumn('greedy_assigned', 'integer', (c) => c.notNull())
    .addColumn('solve_ms', 'integer', (c) => c.notNull())
    // What its maker wrote when making it (optional), shown with the plan.
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('placement_plan_window', sql`window_to >= window_from`)
    .execute();
  await db.schema
    .createIndex('placement_plan_organization_idx')
    .on('placement_plan')
    .columns(['organization_id', 'created_at'])
    .execute();

  // One row per person in the plan: the place the solver chose (or none, with the reason), what staff
  // changed it to, and the proposal it became on acceptance.
  await db.schema
    .createTable('placement_plan_item')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('placement_plan.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('solver_opportunity_id', 'uuid', (c) => c.references('opportunity.id'))
    .addColumn('solver_score', sql`numeric(4,1)`)
    .addColumn('opportunity_id', 'uuid', (c) => c.references('opportunity.id'))
    .addColumn('score', sql`numeric(4,1)`)
    .addColumn('factors', 'jsonb')
    // Why she has no place: no_eligible_opportunity, below_min_score, places_taken, restriction_review,
    // removed_by_staff (params say more, e.g. how many options she had).
    .addColumn('unassigned_reason', 'text')
    .addColumn('unassigned_params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('adjusted_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('adjust_reason', 'text')
    .addColumn('placement_id', 'uuid', (c) => c.references('placement.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('placement_plan_item_person_key', ['plan_id', 'person_id'])
    .execute();

  await db.schema
    .alterTable('placement')
    .addColumn('match_score', sql`numeric(4,1)`)
    .addColumn('match_rule_version', 'integer')
    .addColumn('match_factors', 'jsonb')
    .addColumn('plan_id', 'uuid', (c) => c.references('placement_plan.id').onDelete('set null'))
    .execute();

  // Staff decisions on a pair. dismissed: a recommendation set aside with a reason code (it no longer ranks
  // for her); restriction_cleared / restriction_refused: the corrections review of an opportunity's
  // restriction that touches her offence. Revoking keeps the row (who decided what stays on record).
  await db.schema
    .createTable('match_decision')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('opportunity_id', 'uuid', (c) => c.notNull().references('opportunity.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('dismissed', 'restriction_cleared', 'restriction_refused')`),
    )
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('decided_by_name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organization.id'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // The restrictions version a review was made under: a later change of restrictions asks again.
    .addColumn('restrictions_version', 'integer')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('app_user.id'))
    .execute();
  // At most one standing set-aside and one standing review per pair.
  await sql`create unique index match_decision_open_key on match_decision
    (person_id, opportunity_id, (kind = 'dismissed')) where revoked_at is null`.execute(db);
  await db.schema
    .createIndex('match_decision_opportunity_idx')
    .on('match_decision')
    .column('opportunity_id')
    .execute();

  // Every recommendation shown, with the weights version that scored it (one row per pair and version:
  // shown again, it counts up). The fairness report and the proposals read it.
  await db.schema
    .createTable('match_recommendation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('opportunity_id', 'uuid', (c) => c.notNull().references('opportunity.id'))
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('score', sql`numeric(4,1)`, (c) => c.notNull().check(sql`score between 0 and 100`))
    .addColumn('gate', 'text', (c) => c.notNull().check(sql`gate in ('eligible', 'review')`))
    .addColumn('factors', 'jsonb', (c) => c.notNull())
    .addColumn('context', 'text', (c) =>
      c.notNull().check(sql`context in ('person', 'opportunity', 'plan', 'compare')`),
    )
    .addColumn('times_shown', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_shown_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_shown_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_shown_by', 'uuid', (c) => c.references('app_user.id'))
    .addUniqueConstraint('match_recommendation_key', ['person_id', 'opportunity_id', 'rule_version'])
    .execute();
  await db.schema
    .createIndex('match_recommendation_opportunity_idx')
    .on('match_recommendation')
    .column('opportunity_id')
    .execute();

  // A woman's access log also finds the candidate lists and plans that showed her.
  await sql`drop index audit_log_shown_idx`.execute(db);
  await sql`create index audit_log_shown_idx on audit_log using gin ((details -> 'shown') jsonb_path_ops)
    where action in ('person.listed', 'person.similar_checked', 'person.exported', 'enrolment.listed',
      'enrolment.suitability_checked', 'cohort.roster_viewed', 'attendance.viewed', 'attendance.exported',
      'results.viewed', 'placement.listed', 'match.candidates_listed', 'match.plan_viewed',
      'match.compared')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists audit_log_shown_idx`.execute(db);
  await sql`create index audit_log_shown_idx on audit_log using gin ((details -> 'shown') jsonb_path_ops)
    where action in ('person.listed', 'person.similar_checked', 'person.exported', 'enrolment.listed',
      'enrolment.suitability_checked', 'cohort.roster_viewed', 'attendance.viewed', 'attendance.exported',
      'results.viewed', 'placement.listed')`.execute(db);
  await db.schema.alterTable('placement').dropColumn('plan_id').execute();
  await db.schema.alterTable('placement').dropColumn('match_factors').execute();
  await db.schema.alterTable('placement').dropColumn('match_rule_version').execute();
  await db.schema.alterTable('placement').dropColumn('match_score').execute();
  for (const table of ['match_recommendation', 'match_decision', 'placement_plan_item', 'placement_plan']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('opportunity').dropColumn('min_age').execute();
}
