import { type Kysely, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { addDays } from '../../../shared/dates.ts';
import type {
  AcceptHandoverRequest,
  CancelHandoverRequest,
  ChangeOfficerRequest,
  Handover,
  HandoverList,
  HandoverListQuery,
  HandoverOfficers,
  PersonHandovers,
  ReturnHandoverRequest,
  SendHandoverRequest,
} from '../../../shared/handovers.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { AppError, conflict, fieldError, forbidden, notFound } from '../../platform/errors.ts';
import { recordTimeline } from '../../platform/timeline.ts';
import { notify } from '../notifications/notifications.service.ts';
import { isCorrections, personAccess, requireCorrections } from '../people/people.access.ts';
import { ensureSchedule } from '../supervision/supervision.service.ts';
import { presentHandover, presentListItem, stateOf } from './handovers.presenter.ts';
import {
  activateLink,
  buildPackage,
  consentCoversVillage,
  deactivateLink,
  findHandover,
  findOfficer,
  findOrganization,
  handoverEvents,
  hasLiveHandover,
  insertEvent,
  insertHandover,
  type LockedHandover,
  listHandovers,
  listOfficers,
  lockHandover,
  lockLiveHandover,
  lockPerson,
  markSentNotificationsRead,
  personFacts,
  personHandovers,
  updateHandover,
} from './handovers.repository.ts';

// Serah terima: the prison sends her case to a Bapas (with a snapshot package), the Bapas head accepts it
// with a PK or returns it; the prison may cancel it while sent. Every step writes a handover event, her
// timeline and the audit log, in one transaction with the notifications it causes.

type Db = Kysely<Database>;
type Trx = Kysely<Database> | Transaction<Database>;

/** How many days before her release her supervision schedule may start at the earliest. */
const SCHEDULE_TOLERANCE_DAYS = 7;

/** 'yyyy-mm-dd' as dd/mm/yyyy (in messages and stored notes). */
const formatDmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const callerOrganizationName = (ctx: RequestContext) =>
  ctx.principal.organizationShortName ?? ctx.principal.organizationName;

/** One handover as the caller sees it, with its events. */
async function view(db: Trx, ctx: RequestContext, handoverId: string): Promise<Handover> {
  const row = await findHandover(db, handoverId);
  if (!row) throw notFound('HANDOVER_NOT_FOUND');
  return presentHandover(ctx, row, await handoverEvents(db, [row.id]));
}

// ── Reading ──

/**
 * Her handovers with their events and packages (corrections staff who see her: the prison all of them,
 * a Bapas those sent to it), her handover state and whether the caller may send one now. Audited.
 */
export async function forPerson(db: Db, ctx: RequestContext, personId: string): Promise<PersonHandovers> {
  requirePermission(ctx, 'read:reintegration');
  // Corrections staff's business: a kelurahan gets 403 whether or not it sees her.
  if (!isCorrections(ctx)) throw forbidden();
  const access = await personAccess(db, ctx, personId);
  requireCorrections(access);
  const holder = access.organizationId === ctx.principal.organizationId;
  const [rows, facts] = await Promise.all([
    personHandovers(db, personId, holder ? null : ctx.principal.organizationId),
    personFacts(db, personId),
  ]);
  const events = await handoverEvents(
    db,
    rows.map((row) => row.id),
  );
  // The state is her state, whoever asks: from all her handovers.
  const all = holder ? rows : await personHandovers(db, personId, null);
  const live = all.some((row) => row.status === 'sent' || row.status === 'accepted');
  await audit(db, ctx, {
    action: 'handover.viewed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
    details: { handovers: rows.map((row) => row.id) },
  });
  return {
    items: rows.map((row) => presentHandover(ctx, row, events)),
    state: stateOf(all),
    canSend:
      holder &&
      !access.anonymized &&
      ctx.principal.permissions.includes('send:handover:organization') &&
      !live,
    hasPlan: Boolean(facts?.plan_id),
  };
}

/** The handovers the caller's prison sent or her Bapas received, newest first; audited with the people shown. */
export async function list(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof HandoverListQuery>,
): Promise<HandoverList> {
  requirePermission(ctx, 'read:reintegration');
  if (!isCorrections(ctx)) throw forbidden();
  const direction = query.direction ?? (ctx.principal.organizationKind === 'prison' ? 'sent' : 'received');
  const { items, total } = await listHandovers(
    db,
    ctx,
    { direction, status: query.status, q: query.q },
    { page: query.page, pageSize: query.pageSize },
  );
  await audit(db, ctx, {
    action: 'handover.listed',
    details: {
      shown: [...new Set(items.map((row) => row.person_id))],
      direction,
      ...(query.status && { status: query.status }),
      ...(query.q && { q: query.q }),
      page: query.page,
    },
  });
  return {
    items: items.map((row) => presentListItem(ctx, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    direction,
  };
}

/** The active PKs of the caller's Bapas, for the accept and change-officer forms. */
export async function officers(db: Db, ctx: RequestContext): Promise<HandoverOfficers> {
  requirePermission(ctx, 'decide:handover');
  const rows = await listOfficers(db, ctx.principal.organizationId);
  return { items: rows.map((row) => ({ id: row.id, name: row.full_name, caseload: row.caseload })) };
}

// ── Sending ──

/**
 * Sends her case to a Bapas: refused without a reintegration plan (409 HANDOVER_PLAN_REQUIRED), while a
 * handover of hers is sent or accepted (409 HANDOVER_EXISTS), once her supervision has ended (409
 * HANDOVER_PERSON_DONE), or with an expected release date before today (400 `expectedReleaseDate`:
 * date_in_past). The package is a snapshot of her plan, skills,
 * documents (titles only) and consents; the Bapas is linked to her (its staff see her from then on) and its
 * heads are notified.
 */
export async function send(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: z.output<typeof SendHandoverRequest>,
): Promise<Handover> {
  requirePermission(ctx, 'send:handover');
  const access = await personAccess(db, ctx, personId);
  // Only the prison that holds her record sends her case.
  if (access.organizationId !== ctx.principal.organizationId || access.anonymized) throw forbidden();
  const bapas = await findOrganization(db, body.toOrganizationId);
  if (bapas?.kind !== 'probation') throw fieldError('toOrganizationId', 'handover_not_probation');
  if (body.expectedReleaseDate && body.expectedReleaseDate < today())
    throw fieldError('expectedReleaseDate', 'date_in_past');
  let handoverId: string;
  try {
    handoverId = await db.transaction().execute(async (trx) => {
      // Her row locked: two sends at once wait for each other (the unique index is the last word).
      await lockPerson(trx, personId);
      const facts = await personFacts(trx, personId);
      if (!facts) throw notFound('PERSON_NOT_FOUND');
      // Her supervision is over (and she is not back in custody): nothing is left to hand over.
      if (
        facts.supervision_end_date &&
        facts.supervision_end_date < today() &&
        !(facts.returned_on && facts.returned_on >= facts.supervision_end_date)
      )
        throw conflict('HANDOVER_PERSON_DONE');
      if (!facts.plan_id) throw conflict('HANDOVER_PLAN_REQUIRED');
      if (await hasLiveHandover(trx, personId)) throw conflict('HANDOVER_EXISTS');
      const content = await buildPackage(trx, personId, facts.guarantee_acknowledged_on);
      if (!content) throw conflict('HANDOVER_PLAN_REQUIRED');
      const takenAt = new Date().toISOString();
      const expected = body.expectedReleaseDate ?? facts.release_date;
      const { id } = await insertHandover(trx, {
        person_id: personId,
        from_organization_id: ctx.principal.organizationId,
        to_organization_id: bapas.id,
        plan_id: facts.plan_id,
        package: JSON.stringify({ takenAt, ...content }),
        note: body.note ?? null,
        expected_release_date: expected,
        sent_by: ctx.principal.userId,
        sent_by_name: ctx.principal.fullName,
      });
      await insertEvent(trx, ctx, id, 'sent', body.note ?? null);
      await activateLink(trx, personId, bapas.id, ctx.principal.userId);
      await recordTimeline(trx, ctx, personId, {
        kind: 'handover.sent',
        visibility: 'corrections',
        details: {
          handoverId: id,
          organizationName: bapas.short_name ?? bapas.name,
          expectedReleaseDate: expected,
        },
      });
      await audit(trx, ctx, {
        action: 'handover.sent',
        subjectType: 'person',
        subjectId: personId,
        subjectOrganizationId: access.organizationId,
        details: { handoverId: id, toOrganizationId: bapas.id, expectedReleaseDate: expected },
      });
      await notify(
        trx,
        { organizationId: bapas.id, roles: ['probation_head'] },
        {
          kind: 'handover_sent',
          personId,
          params: { organizationName: callerOrganizationName(ctx) },
          link: `/warga/${personId}?tab=pembebasan`,
        },
      );
      return id;
    });
  } catch (error) {
    // The partial unique index: another send won the race.
    if ((error as { code?: string }).code === '23505') throw conflict('HANDOVER_EXISTS');
    throw error;
  }
  return view(db, ctx, handoverId);
}

// ── Deciding (the Bapas head) ──

/**
 * The handover locked for a decision of the caller's Bapas: 404 when not sent to it, 403 HANDOVER_OWN when
 * the caller sent it herself (whatever her permissions), 409 HANDOVER_CHANGED on a stale version.
 */
async function lockForBapas(trx: Trx, ctx: RequestContext, handoverId: string, version: number) {
  const row = await lockHandover(trx, handoverId);
  if (!row || row.to_organization_id !== ctx.principal.organizationId) throw notFound('HANDOVER_NOT_FOUND');
  if (row.sent_by === ctx.principal.userId) throw new AppError(403, 'HANDOVER_OWN');
  if (row.version !== version) throw conflict('HANDOVER_CHANGED');
  return row;
}

async function requireOfficer(trx: Trx, ctx: RequestContext, userId: string) {
  const officer = await findOfficer(trx, ctx.principal.organizationId, userId);
  if (!officer) throw fieldError('officerUserId', 'handover_officer_invalid');
  return officer;
}

async function personOrganization(trx: Trx, personId: string) {
  const facts = await personFacts(trx, personId);
  if (!facts) throw notFound('PERSON_NOT_FOUND');
  return facts;
}

/**
 * Accepts a sent handover and assigns her PK (an active probation officer of the Bapas). Makes her default
 * supervision schedule when a start is known (the request's, else the expected release date, else her
 * release date; an explicit null makes none). Notifies the PK, and her intended kelurahan (no name) only
 * when a current consent of hers covers it.
 */
export async function accept(
  db: Db,
  ctx: RequestContext,
  handoverId: string,
  body: z.output<typeof AcceptHandoverRequest>,
): Promise<Handover> {
  requirePermission(ctx, 'decide:handover');
  await db.transaction().execute(async (trx) => {
    const row = await lockForBapas(trx, ctx, handoverId, body.version);
    if (row.status !== 'sent') throw conflict('HANDOVER_NOT_SENT');
    const officer = await requireOfficer(trx, ctx, body.officerUserId);
    const facts = await personOrganization(trx, row.person_id);
    // Her release: the recorded one (unless she is back in custody since), else the expected date.
    const releasedOn =
      facts.released_on && !(facts.returned_on && facts.returned_on >= facts.released_on)
        ? facts.released_on
        : null;
    const releaseOn = releasedOn ?? row.expected_release_date ?? facts.release_date;
    // A chosen start long before her release would make the first visit overdue at once.
    if (body.scheduleStartsOn && releaseOn) {
      const earliest = addDays(releaseOn, -SCHEDULE_TOLERANCE_DAYS);
      if (body.scheduleStartsOn < earliest)
        throw fieldError('scheduleStartsOn', 'schedule_before_release', {
          days: SCHEDULE_TOLERANCE_DAYS,
          date: formatDmy(releaseOn),
        });
    }
    await updateHandover(trx, row.id, {
      status: 'accepted',
      decided_by: ctx.principal.userId,
      decided_by_name: ctx.principal.fullName,
      decided_at: sql`now()`,
      officer_user_id: officer.id,
    });
    await insertEvent(trx, ctx, row.id, 'accepted', body.note ?? null);
    // A woman already released reports from the day she was released, not from the expected date.
    const startsOn = body.scheduleStartsOn === null ? null : (body.scheduleStartsOn ?? releaseOn);
    if (startsOn)
      await ensureSchedule(trx, ctx, {
        personId: row.person_id,
        organizationId: ctx.principal.organizationId,
        startsOn,
      });
    await recordTimeline(trx, ctx, row.person_id, {
      kind: 'handover.accepted',
      visibility: 'corrections',
      details: { handoverId: row.id, officerName: officer.full_name },
    });
    await audit(trx, ctx, {
      action: 'handover.accepted',
      subjectType: 'person',
      subjectId: row.person_id,
      subjectOrganizationId: facts.organization_id,
      details: { handoverId: row.id, officerUserId: officer.id, scheduleStartsOn: startsOn },
    });
    await notify(
      trx,
      { userIds: [officer.id] },
      {
        kind: 'handover_accepted_officer',
        personId: row.person_id,
        params: { organizationName: callerOrganizationName(ctx) },
        link: `/bimbingan/${row.person_id}`,
      },
    );
    const villageId = facts.plan_village_id ?? facts.intended_village_id;
    if (villageId && (await consentCoversVillage(trx, row.person_id, villageId))) {
      const date = row.expected_release_date ?? facts.release_date;
      await notify(
        trx,
        { organizationId: villageId },
        {
          kind: 'client_coming',
          personId: row.person_id,
          params: date ? { date } : {},
          link: `/warga/${row.person_id}`,
        },
      );
    }
  });
  return view(db, ctx, handoverId);
}

/** Returns a sent handover to the prison with a reason; the Bapas's handover link ends; the sender is told. */
export async function giveBack(
  db: Db,
  ctx: RequestContext,
  handoverId: string,
  body: z.output<typeof ReturnHandoverRequest>,
): Promise<Handover> {
  requirePermission(ctx, 'decide:handover');
  await db.transaction().execute(async (trx) => {
    const row = await lockForBapas(trx, ctx, handoverId, body.version);
    if (row.status !== 'sent') throw conflict('HANDOVER_NOT_SENT');
    const facts = await personOrganization(trx, row.person_id);
    await updateHandover(trx, row.id, {
      status: 'returned',
      decided_by: ctx.principal.userId,
      decided_by_name: ctx.principal.fullName,
      decided_at: sql`now()`,
      return_reason: body.reason,
    });
    await insertEvent(trx, ctx, row.id, 'returned', body.reason);
    await deactivateLink(trx, row.person_id, row.to_organization_id);
    await recordTimeline(trx, ctx, row.person_id, {
      kind: 'handover.returned',
      visibility: 'corrections',
      details: { handoverId: row.id, reason: body.reason },
    });
    await audit(trx, ctx, {
      action: 'handover.returned',
      subjectType: 'person',
      subjectId: row.person_id,
      subjectOrganizationId: facts.organization_id,
      details: { handoverId: row.id },
    });
    if (row.sent_by)
      await notify(
        trx,
        { userIds: [row.sent_by] },
        {
          kind: 'handover_returned',
          personId: row.person_id,
          params: { organizationName: callerOrganizationName(ctx) },
          link: `/warga/${row.person_id}?tab=pembebasan`,
        },
      );
  });
  // The Bapas no longer sees her (unless referred): answer with what it decided, from the row itself.
  return view(db, ctx, handoverId);
}

/**
 * Gives an accepted handover another PK of the Bapas (409 HANDOVER_SAME_OFFICER for her current PK); the
 * new PK is notified.
 */
export async function changeOfficer(
  db: Db,
  ctx: RequestContext,
  handoverId: string,
  body: z.output<typeof ChangeOfficerRequest>,
): Promise<Handover> {
  requirePermission(ctx, 'decide:handover');
  await db.transaction().execute(async (trx) => {
    const row = await lockForBapas(trx, ctx, handoverId, body.version);
    if (row.status !== 'accepted') throw conflict('HANDOVER_NOT_ACCEPTED');
    const officer = await requireOfficer(trx, ctx, body.officerUserId);
    if (officer.id === row.officer_user_id) throw conflict('HANDOVER_SAME_OFFICER');
    const facts = await personOrganization(trx, row.person_id);
    await updateHandover(trx, row.id, { officer_user_id: officer.id });
    await insertEvent(
      trx,
      ctx,
      row.id,
      'officer_changed',
      body.note ? `${officer.full_name} — ${body.note}` : officer.full_name,
    );
    await audit(trx, ctx, {
      action: 'handover.officer_changed',
      subjectType: 'person',
      subjectId: row.person_id,
      subjectOrganizationId: facts.organization_id,
      details: { handoverId: row.id, from: row.officer_user_id, to: officer.id },
    });
    await recordTimeline(trx, ctx, row.person_id, {
      kind: 'handover.officer_changed',
      visibility: 'corrections',
      details: { handoverId: row.id, officerName: officer.full_name },
    });
    await notify(
      trx,
      { userIds: [officer.id] },
      {
        kind: 'handover_accepted_officer',
        personId: row.person_id,
        params: { organizationName: callerOrganizationName(ctx) },
        link: `/bimbingan/${row.person_id}`,
      },
    );
  });
  return view(db, ctx, handoverId);
}

// ── Cancelling (the prison) ──

/**
 * Cancels a handover the caller's prison sent and the Bapas has not decided yet; the Bapas link ends and its
 * heads' unread `handover_sent` notifications of her are marked read (their link no longer opens).
 */
export async function cancel(
  db: Db,
  ctx: RequestContext,
  handoverId: string,
  body: z.output<typeof CancelHandoverRequest>,
): Promise<Handover> {
  requirePermission(ctx, 'send:handover');
  await db.transaction().execute(async (trx) => {
    const row: LockedHandover | undefined = await lockHandover(trx, handoverId);
    if (!row || row.from_organization_id !== ctx.principal.organizationId)
      throw notFound('HANDOVER_NOT_FOUND');
    if (row.version !== body.version) throw conflict('HANDOVER_CHANGED');
    if (row.status !== 'sent') throw conflict('HANDOVER_NOT_SENT');
    const facts = await personOrganization(trx, row.person_id);
    await updateHandover(trx, row.id, { status: 'cancelled' });
    await insertEvent(trx, ctx, row.id, 'cancelled', body.note ?? null);
    await deactivateLink(trx, row.person_id, row.to_organization_id);
    await markSentNotificationsRead(trx, row.person_id, row.to_organization_id);
    await recordTimeline(trx, ctx, row.person_id, {
      kind: 'handover.cancelled',
      visibility: 'corrections',
      details: { handoverId: row.id },
    });
    await audit(trx, ctx, {
      action: 'handover.cancelled',
      subjectType: 'person',
      subjectId: row.person_id,
      subjectOrganizationId: facts.organization_id,
      details: { handoverId: row.id },
    });
  });
  return view(db, ctx, handoverId);
}

// ── A return to custody (people.service saveCustody, in its transaction) ──

/** The stored note of the `ended` event (Indonesian, like the other stored texts). */
export const ENDED_ON_RETURN_NOTE = 'Kembali ke lapas';

/**
 * Ends her live (sent or accepted) handover when she is returned to custody: status `ended`, an `ended`
 * event, her timeline (handover.ended) and the audit log; the Bapas's handover link ends (a referral link,
 * a row of its own, keeps her visible to it). Her next release needs a new handover. Nothing without one.
 */
export async function endHandoverOnReturn(
  trx: Trx,
  ctx: RequestContext,
  personId: string,
  returnedOn: string,
): Promise<void> {
  const row = await lockLiveHandover(trx, personId);
  if (!row) return;
  const facts = await personOrganization(trx, personId);
  await updateHandover(trx, row.id, { status: 'ended' });
  const note = `${ENDED_ON_RETURN_NOTE} (${formatDmy(returnedOn)})`;
  await insertEvent(trx, ctx, row.id, 'ended', note);
  await deactivateLink(trx, personId, row.to_organization_id);
  if (row.status === 'sent') await markSentNotificationsRead(trx, personId, row.to_organization_id);
  await recordTimeline(trx, ctx, personId, {
    kind: 'handover.ended',
    visibility: 'corrections',
    details: { handoverId: row.id, reason: 'returned', date: returnedOn },
  });
  await audit(trx, ctx, {
    action: 'handover.ended',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: facts.organization_id,
    details: { handoverId: row.id, previousStatus: row.status, returnedOn },
  });
}
