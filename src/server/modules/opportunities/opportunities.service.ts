import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type {
  CreateOpportunityRequest,
  OpportunityListQuery,
  OpportunityRestrictionsRequest,
  OpportunityStatusRequest,
  UpdateOpportunityRequest,
} from '../../../shared/opportunities.ts';
import type { Database, SkillLevelValue } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { AppError, conflict, failOnFields, forbidden, notFound } from '../../platform/errors.ts';
import {
  requireCreate,
  requireEdit,
  requireManage,
  requireRead,
  reviewsRestrictions,
} from './opportunities.access.ts';
import { countPlaced, refreshOpportunityFill } from './opportunities.fill.ts';
import { presentOpportunity, presentOpportunityListItem } from './opportunities.presenter.ts';
import {
  findOpportunity,
  findOrganization,
  findSkillsByIds,
  hasPlacements,
  insertOpportunity,
  listOpportunities,
  type OpportunityRow,
  type OpportunityValues,
  replaceOpportunitySkills,
  reviewRestrictionsIfVersion,
  updateOpportunityIfVersion,
} from './opportunities.repository.ts';
import { checkComplete, checkValues, type Fields, statusAfter } from './opportunities.rules.ts';
import { opportunityValues } from './opportunities.values.ts';

// Opportunities (ADR 011). Reading: the agencies and kelurahan all, a partner her organization's (another's
// is 404). Kelurahan and kecamatan staff create, edit, open and close those of the kelurahan they manage;
// a partner drafts her organization's and edits them while they are drafts. Corrections staff review the
// restrictions through their own endpoint. Every change is one transaction with its audit entry.

type Db = Kysely<Database>;
type CreateInput = z.output<typeof CreateOpportunityRequest>;
type UpdateInput = z.output<typeof UpdateOpportunityRequest>;
type ListQuery = z.output<typeof OpportunityListQuery>;
type StatusInput = z.output<typeof OpportunityStatusRequest>;
type RestrictionsInput = z.output<typeof OpportunityRestrictionsRequest>;

interface SkillInput {
  skillId: string;
  minLevel: SkillLevelValue;
  essential: boolean;
}

/** Fields only kelurahan and kecamatan staff may send; in a partner's request they are unknown fields. */
const STAFF_ONLY = ['partnerId', 'restrictedOffences', 'restrictionNote', 'open'] as const;

/** A partner's request naming a staff-only field: refused as an unknown field, as the partner contract says. */
function refuseStaffOnly(body: Record<string, unknown>, allowed: readonly string[] = []) {
  const sent = STAFF_ONLY.filter((key) => body[key] !== undefined && !allowed.includes(key));
  if (sent.length === 0) return;
  throw new AppError(400, 'UNKNOWN_FIELDS', {
    params: { fields: sent.join(', ') },
    fields: Object.fromEntries(sent.map((key) => [key, { key: 'unknown_field' as const }])),
  });
}

async function load(db: Db, ctx: RequestContext, opportunityId: string): Promise<OpportunityRow> {
  const row = await findOpportunity(db, ctx, opportunityId);
  if (!row) throw notFound('OPPORTUNITY_NOT_FOUND');
  return row;
}

/** The partner is an organization of kind partner. */
async function checkPartner(db: Db, ctx: RequestContext, partnerId: string, fields: Fields) {
  const partner = await findOrganization(db, ctx, partnerId);
  if (partner?.kind !== 'partner') fields.partnerId = { key: 'opportunity_partner_invalid' };
}

/** The kelurahan is one of the program's; staff must manage it (a partner may name any). */
async function checkVillage(db: Db, ctx: RequestContext, villageId: string, staff: boolean, fields: Fields) {
  const village = await findOrganization(db, ctx, villageId);
  if (village?.kind !== 'village') fields.villageId = { key: 'opportunity_village_invalid' };
  else if (staff && !village.managed) fields.villageId = { key: 'opportunity_village_not_managed' };
}

/** Each skill known and active (or already asked for by this opportunity), each once. */
async function checkSkills(db: Db, skills: SkillInput[], alreadyAsked: Set<string>, fields: Fields) {
  const known = new Map(
    (await findSkillsByIds(db, [...new Set(skills.map((skill) => skill.skillId))])).map((skill) => [
      skill.id,
      skill,
    ]),
  );
  const seen = new Set<string>();
  skills.forEach((skill, index) => {
    const row = known.get(skill.skillId);
    if (!row || (!row.active && !alreadyAsked.has(skill.skillId)))
      fields[`skills.${index}.skillId`] = { key: 'skill_unknown' };
    else if (seen.has(skill.skillId))
      fields[`skills.${index}.skillId`] = { key: 'opportunity_skill_duplicate' };
    seen.add(skill.skillId);
  });
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** A page of the opportunities the caller may see, each with its places, people placed and places left. */
export async function list(db: Db, ctx: RequestContext, query: ListQuery) {
  requireRead(ctx);
  const { items, total } = await listOpportunities(
    db,
    ctx,
    {
      villageId: query.villageId,
      partnerId: query.partnerId,
      sector: query.sector,
      kind: query.kind,
      status: query.status,
      hasOpenPlaces: query.hasOpenPlaces === 'true',
      startsBefore: query.startsBefore,
      q: query.q,
    },
    { page: query.page, pageSize: query.pageSize, sort: query.sort },
  );
  return { items: items.map(presentOpportunityListItem), total, page: query.page, pageSize: query.pageSize };
}

/** One opportunity with its skills; another partner's is 404 to a partner. */
export async function get(db: Db, ctx: RequestContext, opportunityId: string) {
  requireRead(ctx);
  return presentOpportunity(ctx, await load(db, ctx, opportunityId));
}

/**
 * Creates an opportunity. Staff: for a partner, in a kelurahan they manage, as a draft or (`open: true`)
 * open at once when complete. A partner: her organization's, always a draft, without restrictions.
 */
export async function create(db: Db, ctx: RequestContext, body: CreateInput) {
  const staff = requireCreate(ctx) === 'staff';
  const fields: Fields = {};
  let partnerId: string;
  if (staff) {
    if (body.partnerId === undefined) fields.partnerId = { key: 'required' };
    else await checkPartner(db, ctx, body.partnerId, fields);
    partnerId = body.partnerId ?? '';
  } else {
    // A partner's staff: the opportunity is her own organization's; she names it or leaves it out.
    refuseStaffOnly(body, ['partnerId']);
    if (body.partnerId !== undefined && body.partnerId !== ctx.principal.organizationId)
      fields.partnerId = { key: 'opportunity_partner_not_own' };
    partnerId = ctx.principal.organizationId;
  }
  await checkVillage(db, ctx, body.villageId, staff, fields);
  const values = opportunityValues(body, partnerId, { restrictions: true });
  checkValues(
    {
      startOn: values.start_on,
      closesOn: values.closes_on,
      payMin: values.pay_min,
      payMax: values.pay_max,
      payPeriod: values.pay_period,
    },
    fields,
  );
  await checkSkills(db, body.skills, new Set(), fields);
  const open = staff && body.open === true;
  if (open)
    checkComplete(
      { kind: values.kind, skills: body.skills.length, closesOn: values.closes_on },
      today(),
      fields,
    );
  failOnFields(fields);

  const id = await db.transaction().execute(async (trx) => {
    const opportunityId = await insertOpportunity(trx, {
      ...values,
      status: open ? 'open' : 'draft',
      created_by: ctx.principal.userId,
      opened_by: open ? ctx.principal.userId : null,
    });
    await replaceOpportunitySkills(trx, opportunityId, body.skills);
    await audit(trx, ctx, {
      action: 'opportunity.created',
      subjectType: 'opportunity',
      subjectId: opportunityId,
      subjectOrganizationId: partnerId,
      details: {
        title: values.title,
        kind: values.kind,
        partnerId,
        villageId: values.village_id,
        status: open ? 'open' : 'draft',
        places: values.places,
        skills: body.skills.map((skill) => skill.skillId),
        // Whether restrictions were set, never what they say.
        restrictions: values.restricted_offences.length > 0 || values.restriction_note !== null,
      },
    });
    return opportunityId;
  });
  return get(db, ctx, id);
}

/** The same offences, in any order. */
const sameOffences = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((value) => b.includes(value));

/**
 * Changes an opportunity: only what was sent; `skills` replaces the list. Places cannot go below the people
 * placed; the partner cannot change once anyone was proposed for it (they consented to that partner, and
 * their links and steps name it); changing the restrictions clears their review and bumps their version.
 * Stale version → 409.
 */
export async function update(db: Db, ctx: RequestContext, opportunityId: string, body: UpdateInput) {
  requireRead(ctx);
  const current = await load(db, ctx, opportunityId);
  const staff = requireEdit(ctx, current);
  if (!staff) refuseStaffOnly(body);
  if (current.version !== body.version) throw conflict('VERSION_CONFLICT');

  const fields: Fields = {};
  if (body.partnerId !== undefined && body.partnerId !== current.partner_id)
    await checkPartner(db, ctx, body.partnerId, fields);
  if (body.villageId !== undefined && body.villageId !== current.village_id)
    await checkVillage(db, ctx, body.villageId, staff, fields);

  const changes: Partial<OpportunityValues> = {};
  if (body.partnerId !== undefined) changes.partner_id = body.partnerId;
  if (body.villageId !== undefined) changes.village_id = body.villageId;
  if (body.kind !== undefined) changes.kind = body.kind;
  if (body.title !== undefined) changes.title = body.title;
  if (body.description !== undefined) changes.description = body.description;
  if (body.sector !== undefined) changes.sector = body.sector;
  if (body.location !== undefined) changes.location = body.location;
  if (body.places !== undefined) changes.places = body.places;
  if (body.startOn !== undefined) changes.start_on = body.startOn;
  if (body.closesOn !== undefined) changes.closes_on = body.closesOn;
  if (body.hoursPerWeek !== undefined) changes.hours_per_week = body.hoursPerWeek;
  if (body.workHours !== undefined) changes.work_hours = body.workHours;
  if (body.shiftWork !== undefined) changes.shift_work = body.shiftWork;
  if (body.partTime !== undefined) changes.part_time = body.partTime;
  if (body.flexible !== undefined) changes.flexible = body.flexible;
  if (body.payMin !== undefined) changes.pay_min = body.payMin;
  if (body.payMax !== undefined) changes.pay_max = body.payMax;
  if (body.payPeriod !== undefined) changes.pay_period = body.payPeriod;
  if (body.openToAsimilasi !== undefined) changes.open_to_asimilasi = body.openToAsimilasi;
  if (body.restrictedOffences !== undefined) changes.restricted_offences = unique(body.restrictedOffences);
  if (body.restrictionNote !== undefined) changes.restriction_note = body.restrictionNote;

  const kind = changes.kind ?? current.kind;
  const places = changes.places ?? current.places;
  const closesOn = changes.closes_on !== undefined ? changes.closes_on : current.closes_on;
  checkValues(
    {
      startOn: changes.start_on ?? current.start_on,
      closesOn,
      payMin:
        changes.pay_min !== undefined
          ? changes.pay_min
          : current.pay_min === null
            ? null
            : Number(current.pay_min),
      payMax:
        changes.pay_max !== undefined
          ? changes.pay_max
          : current.pay_max === null
            ? null
            : Number(current.pay_max),
      payPeriod: changes.pay_period !== undefined ? changes.pay_period : current.pay_period,
    },
    fields,
  );
  if (body.skills !== undefined)
    await checkSkills(db, body.skills, new Set(current.skills.map((skill) => skill.skillId)), fields);
  if (current.status !== 'draft' && (body.skills !== undefined || body.kind !== undefined || body.closesOn)) {
    // An open (or filled, or closed) one stays complete: checked on what the edit changes, so an old
    // closing date or an old list is not held against an unrelated edit.
    const completeness: Fields = {};
    checkComplete(
      { kind, skills: body.skills?.length ?? current.skills.length, closesOn: changes.closes_on ?? null },
      today(),
      completeness,
    );
    Object.assign(fields, completeness);
  }
  if (body.places !== undefined) {
    const placed = await countPlaced(db, opportunityId);
    if (places < placed) fields.places = { key: 'opportunity_places_below_placed', params: { placed } };
  }
  failOnFields(fields);

  const restrictionsChanged =
    (changes.restricted_offences !== undefined &&
      !sameOffences(changes.restricted_offences, current.restricted_offences)) ||
    (changes.restriction_note !== undefined && changes.restriction_note !== current.restriction_note);
  const changedPartner = changes.partner_id ?? current.partner_id;
  const partnerChanged = changedPartner !== current.partner_id;

  await db.transaction().execute(async (trx) => {
    const updated = await updateOpportunityIfVersion(
      trx,
      opportunityId,
      body.version,
      {
        ...changes,
        // Restrictions changed by the kelurahan are not the ones corrections staff reviewed.
        ...(restrictionsChanged && { restrictions_reviewed_by: null, restrictions_reviewed_at: null }),
      },
      restrictionsChanged,
    );
    if (!updated) throw conflict('VERSION_CONFLICT');
    // Checked under the row lock the update holds, which a proposal (reading the opportunity for share)
    // waits for or has released: the women proposed consented to this partner, their links and steps name
    // it, and a new partner would inherit them.
    if (partnerChanged && (await hasPlacements(trx, opportunityId)))
      throw new AppError(409, 'OPPORTUNITY_PARTNER_LOCKED', {
        fields: { partnerId: { key: 'opportunity_partner_has_placements' } },
      });
    if (body.skills !== undefined) await replaceOpportunitySkills(trx, opportunityId, body.skills);
    let fill: Awaited<ReturnType<typeof refreshOpportunityFill>> = null;
    if (changes.places !== undefined) {
      // Counted again under the row lock the update holds: someone may have been placed meanwhile.
      const placed = await countPlaced(trx, opportunityId);
      if (changes.places < placed)
        throw new AppError(400, 'VALIDATION_FAILED', {
          fields: { places: { key: 'opportunity_places_below_placed', params: { placed } } },
        });
      // Fewer or more places may fill an open one or free a filled one.
      fill = await refreshOpportunityFill(trx, opportunityId);
    }
    await audit(trx, ctx, {
      action: 'opportunity.updated',
      subjectType: 'opportunity',
      subjectId: opportunityId,
      subjectOrganizationId: changedPartner,
      details: {
        title: changes.title ?? current.title,
        fields: Object.keys(body).filter(
          (key) => key !== 'version' && body[key as keyof UpdateInput] !== undefined,
        ),
        ...(restrictionsChanged && { restrictionsChanged: true }),
        ...(fill && { status: fill }),
        version: body.version + 1,
      },
    });
  });
  return get(db, ctx, opportunityId);
}

/**
 * Opens a draft, closes (with a reason) or reopens: staff of its kelurahan only. Opening needs a complete
 * opportunity; a reopened one is filled when its places are already taken.
 */
export async function changeStatus(db: Db, ctx: RequestContext, opportunityId: string, body: StatusInput) {
  requireRead(ctx);
  const current = await load(db, ctx, opportunityId);
  requireManage(ctx, current);
  if (current.version !== body.version) throw conflict('VERSION_CONFLICT');
  const target = statusAfter(body.action, { status: current.status, everOpened: current.opened_at !== null });
  if (target === null) throw conflict('OPPORTUNITY_STATUS_NOT_ALLOWED', { status: current.status });

  const fields: Fields = {};
  if (body.action === 'close' && !body.reason) fields.reason = { key: 'opportunity_close_reason_required' };
  if (target === 'open')
    checkComplete(
      { kind: current.kind, skills: current.skills.length, closesOn: current.closes_on },
      today(),
      fields,
    );
  failOnFields(fields);

  await db.transaction().execute(async (trx) => {
    const updated = await updateOpportunityIfVersion(trx, opportunityId, body.version, {
      status: target,
      status_reason: body.action === 'close' ? (body.reason ?? null) : null,
      ...(body.action === 'open' && { opened_by: ctx.principal.userId, opened_at: sql<Date>`now()` }),
    });
    if (!updated) throw conflict('VERSION_CONFLICT');
    // A reopened one whose places are already taken is filled, not open.
    const fill = await refreshOpportunityFill(trx, opportunityId);
    const status = fill?.to ?? target;
    await audit(trx, ctx, {
      action: 'opportunity.status_changed',
      subjectType: 'opportunity',
      subjectId: opportunityId,
      subjectOrganizationId: current.partner_id,
      details: {
        title: current.title,
        action: body.action,
        from: current.status,
        to: status,
        ...(body.action === 'close' && { reason: body.reason }),
        version: body.version + 1,
      },
    });
  });
  return get(db, ctx, opportunityId);
}

/** Corrections staff review the restrictions: the offences that rule a person out and a note. */
export async function reviewRestrictions(
  db: Db,
  ctx: RequestContext,
  opportunityId: string,
  body: RestrictionsInput,
) {
  if (!reviewsRestrictions(ctx)) throw forbidden();
  const current = await load(db, ctx, opportunityId);
  // The restrictions' own version: a review never bumps the opportunity's (ADR 011).
  if (current.restrictions_version !== body.version) throw conflict('VERSION_CONFLICT');
  const offences = unique(body.offences);
  await db.transaction().execute(async (trx) => {
    const updated = await reviewRestrictionsIfVersion(trx, opportunityId, body.version, {
      restricted_offences: offences,
      restriction_note: body.note ?? null,
      reviewed_by: ctx.principal.userId,
    });
    if (!updated) throw conflict('VERSION_CONFLICT');
    await audit(trx, ctx, {
      action: 'opportunity.restrictions_reviewed',
      subjectType: 'opportunity',
      subjectId: opportunityId,
      subjectOrganizationId: current.partner_id,
      // How many offences and whether the review changed them: never which ones, nor the note.
      details: {
        title: current.title,
        offenceCount: offences.length,
        changed:
          !sameOffences(offences, current.restricted_offences) ||
          (body.note ?? null) !== current.restriction_note,
        restrictionsVersion: body.version + 1,
      },
    });
  });
  return get(db, ctx, opportunityId);
}
