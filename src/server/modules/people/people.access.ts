import { type Kysely, type RawBuilder, sql } from 'kysely';
import { FIELD_GROUPS, type FieldGroup } from '../../../shared/people.ts';
import { RUNNING_STAGES } from '../../../shared/placements.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';
import { forbidden, notFound } from '../../platform/errors.ts';

// Who may see which person, in one place. Every person query of every module takes its filter from
// `visiblePeople` and every single-person endpoint starts with `personAccess`: the list and the record
// can never disagree, and a person outside the caller's reach is a 404, not a 403 (existence is not revealed).

type Db = Kysely<Database>;

/** Prison and probation staff: they alone see offence, sentence, behaviour and corrections-only notes. */
export function isCorrections(ctx: RequestContext): boolean {
  const kind = ctx.principal.organizationKind;
  return kind === 'prison' || kind === 'probation';
}

function consentCovers(ctx: RequestContext, person: RawBuilder<unknown>): RawBuilder<boolean> {
  const organization = JSON.stringify([ctx.principal.organizationId]);
  const kind = JSON.stringify([ctx.principal.organizationKind]);
  return sql<boolean>`exists (
    select 1 from consent c
    where c.person_id = ${person} and c.withdrawn_on is null and c.given_on <= ${TODAY_SQL}
      and (c.recipient_organization_ids @> ${organization}::jsonb or c.recipient_kinds @> ${kind}::jsonb))`;
}

function linkedBy(ctx: RequestContext, person: RawBuilder<unknown>, kinds: string[]): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from person_link l
    where l.person_id = ${person} and l.organization_id = ${ctx.principal.organizationId} and l.active
      and l.kind in (${sql.join(kinds)}))`;
}

/**
 * The ids of the people linked to the organization by an active link of one of `kinds`, as a subquery of one
 * column `person_id`: linkedBy's rule as a set (the insight figures' probation scope, counted as one hashed set
 * rather than a lookup per person).
 */
export function linkedPeopleSql(organizationId: string, kinds: string[]): RawBuilder<unknown> {
  return sql`select l.person_id from person_link l
    where l.organization_id = ${organizationId} and l.active and l.kind in (${sql.join(kinds)})`;
}

/**
 * The SQL condition "the caller was given this field group of the person": always true for corrections
 * staff. A list filter or sort on a field of a group must be combined with it, or filtering would reveal
 * what the consent hides (a partner given skills only must not find her release date by filtering on it).
 */
export function groupGranted(ctx: RequestContext, group: FieldGroup, alias = 'p'): RawBuilder<boolean> {
  if (isCorrections(ctx)) return sql<boolean>`true`;
  const id = sql.ref(`${alias}.id`);
  const organization = JSON.stringify([ctx.principal.organizationId]);
  const kind = JSON.stringify([ctx.principal.organizationKind]);
  return sql<boolean>`exists (
    select 1 from consent c
    where c.person_id = ${id} and c.withdrawn_on is null and c.given_on <= ${TODAY_SQL}
      and c.field_groups @> ${JSON.stringify([group])}::jsonb
      and (c.recipient_organization_ids @> ${organization}::jsonb or c.recipient_kinds @> ${kind}::jsonb))`;
}

/**
 * The SQL condition "the caller may see this person", for a query over `person` aliased `alias`:
 * the prison sees the people it holds; probation those referred or handed over to it; a kecamatan or
 * kelurahan those who consented to it; a partner those proposed or placed with it who consented to it.
 */
export function visiblePeople(ctx: RequestContext, alias = 'p'): RawBuilder<boolean> {
  const id = sql.ref(`${alias}.id`);
  const organizationId = sql.ref(`${alias}.organization_id`);
  const anonymized = sql.ref(`${alias}.anonymized_at`);
  switch (ctx.principal.organizationKind) {
    case 'prison':
      return sql<boolean>`${organizationId} = ${ctx.principal.organizationId}`;
    case 'probation':
      return linkedBy(ctx, id, ['referral', 'handover']);
    case 'district':
    case 'village':
      return sql<boolean>`(${anonymized} is null and ${consentCovers(ctx, id)})`;
    case 'partner':
      return sql<boolean>`(${anonymized} is null and ${linkedBy(ctx, id, ['proposal', 'placement'])}
        and ${consentCovers(ctx, id)})`;
  }
}

/**
 * Is this kelurahan (or kecamatan, through its kelurahan) the one she goes to: her record's or her
 * reintegration plan's intended kelurahan, or the kelurahan of a running placement of hers. Visibility
 * (`visiblePeople`) only says she consented to it; this says she is its business (plans, arrivals).
 */
export async function isHostOf(db: Db, organizationId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organization as o')
    .select('o.id')
    .where('o.kind', '=', 'village')
    .where((eb) => eb.or([eb('o.id', '=', organizationId), eb('o.parent_id', '=', organizationId)]))
    .where(
      sql<boolean>`(
        o.id = (select p.intended_village_id from person p where p.id = ${personId})
        or o.id = (select rp.intended_village_id from reintegration_plan rp where rp.person_id = ${personId})
        or exists (select 1 from placement pl join opportunity op on op.id = pl.opportunity_id
          where pl.person_id = ${personId} and op.village_id = o.id
            and pl.stage in (${sql.join(RUNNING_STAGES.map((stage) => sql.lit(stage)))})))`,
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface PersonAccess {
  personId: string;
  /** The prison that holds the record (the audit's subject organization). */
  organizationId: string;
  corrections: boolean;
  /** Field groups the caller sees: all for corrections staff, the consented ones for everyone else. */
  groups: FieldGroup[];
  /** May change her record (identity, profile, skills): corrections staff with manage:person. */
  canEdit: boolean;
  anonymized: boolean;
  callerOrganizationId: string;
}

/** The consented field groups a non-corrections caller may see of one person (empty when none). */
async function consentedGroups(db: Db, ctx: RequestContext, personId: string): Promise<FieldGroup[]> {
  const rows = await db
    .selectFrom('consent as c')
    .select('c.field_groups')
    .where('c.person_id', '=', personId)
    .where('c.withdrawn_on', 'is', null)
    .where(sql<boolean>`c.given_on <= ${TODAY_SQL}`)
    .where(
      sql<boolean>`(c.recipient_organization_ids @> ${JSON.stringify([ctx.principal.organizationId])}::jsonb
        or c.recipient_kinds @> ${JSON.stringify([ctx.principal.organizationKind])}::jsonb)`,
    )
    .execute();
  const granted = new Set(rows.flatMap((row) => row.field_groups));
  return FIELD_GROUPS.filter((group) => granted.has(group));
}

/**
 * What the caller may do with one person; 404 PERSON_NOT_FOUND when she may not see her at all.
 * Checks read:person first (403 for roles that never see people, such as viewers and administrators).
 */
export async function personAccess(db: Db, ctx: RequestContext, personId: string): Promise<PersonAccess> {
  requirePermission(ctx, 'read:person');
  const row = await db
    .selectFrom('person as p')
    .select(['p.id', 'p.organization_id', 'p.anonymized_at'])
    .where('p.id', '=', personId)
    .where(visiblePeople(ctx))
    .executeTakeFirst();
  if (!row) throw notFound('PERSON_NOT_FOUND');
  const corrections = isCorrections(ctx);
  const groups = corrections ? [...FIELD_GROUPS] : await consentedGroups(db, ctx, personId);
  return {
    personId: row.id,
    organizationId: row.organization_id,
    corrections,
    groups,
    canEdit:
      corrections && !row.anonymized_at && ctx.principal.permissions.includes('manage:person:organization'),
    anonymized: row.anonymized_at !== null,
    callerOrganizationId: ctx.principal.organizationId,
  };
}

/** 403 unless the caller is corrections staff (sentence, behaviour, corrections-only notes and documents). */
export function requireCorrections(access: PersonAccess): void {
  if (!access.corrections) throw forbidden();
}

/** 403 unless the caller may change the person's record. */
export function requireEdit(access: PersonAccess): void {
  if (!access.canEdit) throw forbidden();
}
