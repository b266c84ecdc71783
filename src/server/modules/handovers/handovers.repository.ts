import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type {
  HandoverAction,
  HandoverDirection,
  HandoverPackage,
  HandoverStatus,
} from '../../../shared/handovers.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';
import { visiblePeople } from '../people/people.access.ts';
import { planSummary } from '../reintegration/reintegration.summary.ts';

type Db = Kysely<Database> | Transaction<Database>;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A handover with the names the views show (organizations, PK). */
function handoverQuery(db: Db) {
  return db
    .selectFrom('handover as h')
    .innerJoin('organization as fo', 'fo.id', 'h.from_organization_id')
    .innerJoin('organization as too', 'too.id', 'h.to_organization_id')
    .leftJoin('app_user as officer', 'officer.id', 'h.officer_user_id')
    .select([
      'h.id',
      'h.person_id',
      'h.from_organization_id',
      'h.to_organization_id',
      'h.plan_id',
      'h.status',
      'h.package',
      'h.note',
      'h.expected_release_date',
      'h.sent_by',
      'h.sent_by_name',
      'h.sent_at',
      'h.decided_by',
      'h.decided_by_name',
      'h.decided_at',
      'h.return_reason',
      'h.officer_user_id',
      'h.version',
      sql<string>`coalesce(fo.short_name, fo.name)`.as('from_name'),
      sql<string>`coalesce(too.short_name, too.name)`.as('to_name'),
      'officer.full_name as officer_name',
    ]);
}
export type HandoverRow = Awaited<ReturnType<ReturnType<typeof handoverQuery>['executeTakeFirstOrThrow']>>;

/**
 * Her handovers, newest first: all of them for the prison that holds her record, only those sent to the
 * caller's Bapas for probation staff.
 */
export function personHandovers(db: Db, personId: string, toOrganizationId: string | null) {
  let query = handoverQuery(db).where('h.person_id', '=', personId);
  if (toOrganizationId) query = query.where('h.to_organization_id', '=', toOrganizationId);
  return query.orderBy('h.sent_at', 'desc').orderBy('h.id').execute();
}

export function findHandover(db: Db, handoverId: string) {
  return handoverQuery(db).where('h.id', '=', handoverId).executeTakeFirst();
}

/** The handover's row locked for a change. */
export function lockHandover(db: Db, handoverId: string) {
  return db.selectFrom('handover').selectAll().where('id', '=', handoverId).forUpdate().executeTakeFirst();
}
export type LockedHandover = NonNullable<Awaited<ReturnType<typeof lockHandover>>>;

export function handoverEvents(db: Db, handoverIds: string[]) {
  if (handoverIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('handover_event')
    .select(['id', 'handover_id', 'action', 'note', 'actor_name', 'organization_name', 'at'])
    .where('handover_id', 'in', handoverIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertEvent(
  db: Db,
  ctx: RequestContext,
  handoverId: string,
  action: HandoverAction,
  note: string | null,
) {
  await db
    .insertInto('handover_event')
    .values({
      handover_id: handoverId,
      action,
      note,
      actor_user_id: ctx.principal.userId,
      actor_name: ctx.principal.fullName,
      organization_name: ctx.principal.organizationShortName ?? ctx.principal.organizationName,
    })
    .execute();
}

/** The person facts a handover needs (her prison, dates, intended kelurahan, plan). */
export function personFacts(db: Db, personId: string) {
  return db
    .selectFrom('person as p')
    .leftJoin('reintegration_plan as rp', 'rp.person_id', 'p.id')
    .select([
      'p.id',
      'p.organization_id',
      'p.anonymized_at',
      'p.release_date',
      'p.released_on',
      'p.supervision_end_date',
      'p.returned_on',
      'p.intended_village_id',
      'rp.id as plan_id',
      'rp.intended_village_id as plan_village_id',
      'rp.guarantee_acknowledged_on',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/** Her row locked: two sends at once wait for each other (the unique index is the last word). */
export async function lockPerson(db: Db, personId: string) {
  await db.selectFrom('person').select('id').where('id', '=', personId).forUpdate().execute();
}

/** Her live (sent or accepted) handover, locked for a change, or undefined. */
export function lockLiveHandover(db: Db, personId: string) {
  return db
    .selectFrom('handover')
    .selectAll()
    .where('person_id', '=', personId)
    .where('status', 'in', ['sent', 'accepted'])
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Marks read the unread `handover_sent` notifications about her of the Bapas's users (its heads): the
 * handover they announced was cancelled or ended, and their link no longer opens.
 */
export async function markSentNotificationsRead(db: Db, personId: string, organizationId: string) {
  await db
    .updateTable('notification')
    .set({ read_at: sql`now()` })
    .where('person_id', '=', personId)
    .where('kind', '=', 'handover_sent')
    .where('read_at', 'is', null)
    .where('user_id', 'in', (eb) =>
      eb.selectFrom('app_user').select('id').where('organization_id', '=', organizationId),
    )
    .execute();
}

/** Whether she has a live (sent or accepted) handover. */
export async function hasLiveHandover(db: Db, personId: string) {
  const row = await db
    .selectFrom('handover')
    .select('id')
    .where('person_id', '=', personId)
    .where('status', 'in', ['sent', 'accepted'])
    .executeTakeFirst();
  return row !== undefined;
}

export function findOrganization(db: Db, organizationId: string) {
  return db
    .selectFrom('organization')
    .select(['id', 'kind', 'name', 'short_name'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
}

/** The snapshot sent with a handover: plan summary, skills, documents (no files), consents. */
export async function buildPackage(
  db: Db,
  personId: string,
  guaranteeAcknowledgedOn: string | null,
): Promise<Omit<HandoverPackage, 'takenAt'> | null> {
  const plan = await planSummary(db, personId);
  if (!plan) return null;
  const [skills, documents, consents] = await Promise.all([
    db
      .selectFrom('person_skill as s')
      .leftJoin('certificate as c', 'c.id', 's.certificate_id')
      .select(['s.name', 's.sector', 's.level', 's.evidence', 'c.number', 'c.issuer', 'c.issued_on'])
      .where('s.person_id', '=', personId)
      .orderBy('s.name')
      .execute(),
    db
      .selectFrom('person_document')
      .select([
        'title',
        'category',
        sql<string>`(created_at at time zone 'Asia/Jakarta')::date::text`.as('added_on'),
      ])
      .where('person_id', '=', personId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('consent as c')
      .select([
        'c.purpose',
        'c.recipient_organization_ids',
        'c.recipient_kinds',
        'c.field_groups',
        'c.given_on',
        'c.withdrawn_on',
        sql<string[]>`coalesce((select array_agg(coalesce(o.short_name, o.name) order by o.name)
          from organization o where c.recipient_organization_ids @> to_jsonb(o.id::text)), '{}')`.as(
          'recipients',
        ),
      ])
      .where('c.person_id', '=', personId)
      .orderBy('c.given_on')
      .orderBy('c.created_at')
      .execute(),
  ]);
  return {
    plan: { ...plan, guaranteeAcknowledgedOn },
    skills: skills.map((skill) => ({
      name: skill.name,
      sector: skill.sector,
      level: skill.level,
      evidence: skill.evidence,
      certificate:
        skill.number && skill.issuer && skill.issued_on
          ? { number: skill.number, issuer: skill.issuer, issuedOn: skill.issued_on }
          : null,
    })),
    documents: documents.map((document) => ({
      title: document.title,
      category: document.category,
      addedOn: document.added_on,
    })),
    consents: consents.map((consent) => ({
      purpose: consent.purpose,
      recipients: consent.recipients,
      recipientKinds: consent.recipient_kinds,
      fieldGroups: consent.field_groups,
      givenOn: consent.given_on,
      withdrawnOn: consent.withdrawn_on,
    })),
  };
}

export function insertHandover(
  db: Db,
  values: {
    person_id: string;
    from_organization_id: string;
    to_organization_id: string;
    plan_id: string;
    package: string;
    note: string | null;
    expected_release_date: string | null;
    sent_by: string;
    sent_by_name: string;
  },
) {
  return db.insertInto('handover').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateHandover(
  db: Db,
  handoverId: string,
  values: Partial<{
    status: HandoverStatus;
    decided_by: string | null;
    decided_by_name: string | null;
    decided_at: RawBuilder<Date>;
    return_reason: string | null;
    officer_user_id: string | null;
  }>,
) {
  await db
    .updateTable('handover')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', handoverId)
    .execute();
}

/** Activates the handover link to the Bapas (Bapas staff see her from then on). */
export async function activateLink(db: Db, personId: string, organizationId: string, userId: string) {
  await db
    .insertInto('person_link')
    .values({ person_id: personId, organization_id: organizationId, kind: 'handover', created_by: userId })
    .onConflict((oc) =>
      oc.columns(['person_id', 'organization_id', 'kind']).where('active', '=', true).doNothing(),
    )
    .execute();
}

/** Ends the handover link (a referral link, a row of its own, keeps her visible to that Bapas). */
export async function deactivateLink(db: Db, personId: string, organizationId: string) {
  await db
    .updateTable('person_link')
    .set({ active: false, ended_at: sql`now()` })
    .where('person_id', '=', personId)
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'handover')
    .where('active', '=', true)
    .execute();
}

/** An active PK (role probation_officer) of the Bapas, or undefined. */
export function findOfficer(db: Db, organizationId: string, userId: string) {
  return db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.full_name'])
    .where('u.id', '=', userId)
    .where('u.organization_id', '=', organizationId)
    .where('u.active', '=', true)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_role as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role_code', '=', 'probation_officer'),
      ),
    )
    .executeTakeFirst();
}

/** The active PKs of a Bapas with their caseload (accepted handovers they hold), by name. */
export function listOfficers(db: Db, organizationId: string) {
  return db
    .selectFrom('app_user as u')
    .select([
      'u.id',
      'u.full_name',
      sql<number>`(select count(*)::int from handover h
        where h.officer_user_id = u.id and h.status = 'accepted')`.as('caseload'),
    ])
    .where('u.organization_id', '=', organizationId)
    .where('u.active', '=', true)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_role as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role_code', '=', 'probation_officer'),
      ),
    )
    .orderBy('u.full_name')
    .orderBy('u.id')
    .execute();
}

/** Whether a current consent of hers covers the kelurahan (by its id or the kind 'village'). */
export async function consentCoversVillage(db: Db, personId: string, villageId: string) {
  const row = await db
    .selectFrom('consent as c')
    .select('c.id')
    .where('c.person_id', '=', personId)
    .where('c.withdrawn_on', 'is', null)
    .where(sql<boolean>`c.given_on <= ${TODAY_SQL}`)
    .where(
      sql<boolean>`(c.recipient_organization_ids @> ${JSON.stringify([villageId])}::jsonb
        or c.recipient_kinds @> '["village"]'::jsonb)`,
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** The handovers of the caller's organization in one direction, a page at a time (people she sees only). */
export async function listHandovers(
  db: Db,
  ctx: RequestContext,
  filter: { direction: HandoverDirection; status?: HandoverStatus; q?: string },
  page: { page: number; pageSize: number },
) {
  let base = db
    .selectFrom('handover as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .where(visiblePeople(ctx))
    .where(
      filter.direction === 'sent' ? 'h.from_organization_id' : 'h.to_organization_id',
      '=',
      ctx.principal.organizationId,
    );
  if (filter.status) base = base.where('h.status', '=', filter.status);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    base = base.where((eb) =>
      eb.or([eb('p.full_name', 'ilike', pattern), eb('p.registration_number', 'ilike', pattern)]),
    );
  }
  const [items, count] = await Promise.all([
    base
      .innerJoin('organization as fo', 'fo.id', 'h.from_organization_id')
      .innerJoin('organization as too', 'too.id', 'h.to_organization_id')
      .leftJoin('app_user as officer', 'officer.id', 'h.officer_user_id')
      .select([
        'h.id',
        'h.person_id',
        'p.full_name',
        'p.registration_number',
        'p.release_date',
        'h.status',
        'h.from_organization_id',
        'h.to_organization_id',
        sql<string>`coalesce(fo.short_name, fo.name)`.as('from_name'),
        sql<string>`coalesce(too.short_name, too.name)`.as('to_name'),
        'h.sent_by',
        'h.sent_by_name',
        'h.sent_at',
        'h.expected_release_date',
        'h.decided_by_name',
        'h.decided_at',
        'h.return_reason',
        'h.officer_user_id',
        'officer.full_name as officer_name',
        'h.version',
      ])
      .orderBy('h.sent_at', 'desc')
      .orderBy('h.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.count) };
}
export type HandoverListRow = Awaited<ReturnType<typeof listHandovers>>['items'][number];
