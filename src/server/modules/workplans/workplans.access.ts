import { type RawBuilder, type SqlBool, sql } from 'kysely';

// Who sees and who edits a work plan (ADR 014), in one place. A plan is seen by every party of its agreement
// and by every organization responsible for one of its activities; it is edited by the staff
// (manage:workplan) of a party. Every condition is SQL over a column, so lists, single records and the
// modules that link to plans (meetings' action items, activity reports) never disagree.

/**
 * The SQL condition "the organization is a party of the agreement whose id is in `agreementColumn`"
 * (for a plan: its `agreement_id` column).
 */
export function workPlanPartySql(organizationId: string, agreementColumn: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from agreement_party wpa where wpa.agreement_id = ${sql.ref(agreementColumn)}
    and wpa.organization_id = ${organizationId})`;
}

/**
 * The SQL condition "the organization sees the work plan whose id is in `planColumn`": it is a party of the
 * plan's agreement, or responsible for one of the plan's activities.
 */
export function visibleWorkPlanSql(organizationId: string, planColumn: string): RawBuilder<SqlBool> {
  const plan = sql.ref(planColumn);
  return sql<SqlBool>`(exists (select 1 from work_plan wpv join agreement_party wpp on wpp.agreement_id = wpv.agreement_id
      where wpv.id = ${plan} and wpp.organization_id = ${organizationId})
    or exists (select 1 from work_plan_activity wpr where wpr.work_plan_id = ${plan}
      and wpr.responsible_organization_id = ${organizationId}))`;
}
