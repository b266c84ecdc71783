import type { Kysely, Transaction } from 'kysely';
import { checkNik, nikRegionCode } from '../../../shared/nik.ts';
import {
  type CreatePersonInput,
  type CustodyView,
  type FieldGroup,
  journeyStatus,
  type PersonListQuery,
  type SaveCustodyInput,
  type UpdatePersonInput,
} from '../../../shared/people.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { AppError, type FieldError, forbidden, notFound } from '../../platform/errors.ts';
import { recordTimeline } from '../../platform/timeline.ts';
import { endHandoverOnReturn } from '../handovers/handovers.service.ts';
import { findVillage, nikRegionExists } from '../regions/regions.service.ts';
import { currentRules } from '../rules/rules.service.ts';
import { computeMilestones } from '../sentence/milestones.ts';
import { onReturnDateChanged } from '../supervision/supervision.service.ts';
import {
  isCorrections,
  type PersonAccess,
  personAccess,
  requireCorrections,
  requireEdit,
} from './people.access.ts';
import { presentCustody, presentListItem, presentPerson, presentTimelineEvent } from './people.presenter.ts';
import { journeyMilestoneDates, sentenceInput } from './people.release.ts';
import {
  activeLinkExists,
  type CustodyValues,
  deleteRemission,
  findBehaviourScores,
  findCustody,
  findLinks,
  findPerson,
  findRemissions,
  findSimilar,
  findSkills,
  insertCustody,
  insertLink,
  insertPerson,
  insertRemission,
  listPeople,
  listTimeline,
  nikOwner,
  organizationKind,
  type PersonValues,
  registrationOwner,
  replaceSkills,
  searchText,
  setJourneyDates,
  touchCustody,
  updateCustodyIfVersion,
  updatePersonIfVersion,
  upsertBehaviourScore,
} from './people.repository.ts';

type Db = Kysely<Database>;
type Trx = Db | Transaction<Database>;

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

const validationFailed = (fields: Record<string, FieldError>) =>
  new AppError(400, 'VALIDATION_FAILED', { fields });

/**
 * Every rule of a person's fields beyond the shape the contract checks: NIK (format, region, embedded
 * birth date, unique), birth date, domicile village code, intended host kelurahan, registration number.
 * Returns field errors keyed by field name (empty when all is well); the import uses it row by row.
 */
export async function checkPerson(
  db: Trx,
  input: Pick<
    CreatePersonInput,
    'nik' | 'birthDate' | 'domicileVillageCode' | 'intendedVillageId' | 'registrationNumber'
  >,
  options: { organizationId: string; excludeId?: string; skipUniqueness?: boolean },
): Promise<Record<string, FieldError>> {
  const fields: Record<string, FieldError> = {};
  const now = today();
  if (input.birthDate) {
    if (input.birthDate > now) fields.birthDate = { key: 'date_in_future' };
    else {
      const age = yearsBetween(input.birthDate, now);
      if (age < 14 || age > 100) fields.birthDate = { key: 'birth_date_implausible' };
    }
  }
  if (input.nik) {
    const problems = checkNik(input.nik, {
      birthDate: input.birthDate ?? undefined,
      sex: 'female',
      today: now,
    });
    if (problems.length > 0) fields.nik = { key: problems[0] as FieldError['key'] };
    else if (!(await nikRegionExists(input.nik)))
      fields.nik = { key: 'nik_region', params: { code: nikRegionCode(input.nik) } };
    else if (!options.skipUniqueness) {
      const owner = await nikOwner(db, input.nik);
      if (owner && owner !== options.excludeId) fields.nik = { key: 'nik_taken' };
    }
  }
  if (input.domicileVillageCode && !(await findVillage(input.domicileVillageCode)))
    fields.domicileVillageCode = { key: 'village_code' };
  if (input.intendedVillageId && (await organizationKind(db, input.intendedVillageId)) !== 'village')
    fields.intendedVillageId = { key: 'village_not_host' };
  if (input.registrationNumber && !options.skipUniqueness) {
    const owner = await registrationOwner(db, options.organizationId, input.registrationNumber);
    if (owner && owner !== options.excludeId) fields.registrationNumber = { key: 'registration_taken' };
  }
  return fields;
}

/** The `person` columns for the given fields (the form and the import write identical rows). */
export async function personValues(
  input: Partial<CreatePersonInput>,
  current?: { full_name: string; aliases: string[] },
): Promise<Partial<PersonValues>> {
  const values: Partial<PersonValues> = {};
  const set = <K extends keyof PersonValues>(key: K, value: PersonValues[K] | undefined) => {
    if (value !== undefined) values[key] = value;
  };
  set('full_name', input.fullName);
  if (input.aliases !== undefined) values.aliases = JSON.stringify(input.aliases);
  if (input.fullName !== undefined || input.aliases !== undefined) {
    values.search_name = searchText(
      input.fullName ?? current?.full_name,
      ...(input.aliases ?? current?.aliases ?? []),
    );
  }
  set('nik', input.nik);
  set('birth_place', input.birthPlace);
  set('birth_date', input.birthDate);
  set('education_level', input.educationLevel);
  set('marital_status', input.maritalStatus);
  set('dependent_children', input.dependentChildren);
  set('phone', input.phone);
  if (input.guarantor !== undefined)
    values.guarantor = input.guarantor ? JSON.stringify(input.guarantor) : null;
  set('domicile_address', input.domicileAddress);
  if (input.domicileVillageCode !== undefined) {
    values.domicile_village_code = input.domicileVillageCode;
    values.domicile_village_name = input.domicileVillageCode
      ? ((await findVillage(input.domicileVillageCode))?.name ?? null)
      : null;
  }
  set('intended_village_id', input.intendedVillageId);
  set('registration_number', input.registrationNumber);
  set('interests', input.interests);
  if (input.preferredSectors !== undefined) values.preferred_sectors = JSON.stringify(input.preferredSectors);
  if (input.constraints !== undefined) values.constraints = JSON.stringify(input.constraints);
  set('religion', input.religion);
  set('ethnicity', input.ethnicity);
  return values;
}

function skillValues(skills: NonNullable<CreatePersonInput['skills']>) {
  return skills.map((skill) => ({
    name: skill.name,
    sector: skill.sector ?? null,
    level: skill.level,
    note: skill.note ?? null,
  }));
}

async function sentenceWindow(db: Trx) {
  const { rules } = await currentRules(db, 'sentence');
  return rules.preReleaseWindowDays;
}

/** The people the caller may see, filtered and paged; the list query itself is audited. */
export async function list(db: Db, ctx: RequestContext, query: PersonListQuery) {
  requirePermission(ctx, 'read:person');
  const corrections = isCorrections(ctx);
  const { items, total, totalCapped } = await listPeople(db, ctx, {
    query,
    windowDays: await sentenceWindow(db),
    withGroups: !corrections,
  });
  await audit(db, ctx, {
    action: 'person.listed',
    subjectType: 'person',
    details: {
      query: Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)),
      total,
      shown: items.map((item) => item.id),
    },
  });
  return {
    items: items.map((row) => presentListItem(row, corrections)),
    total,
    totalCapped,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function present(db: Trx, access: PersonAccess, id: string) {
  const row = await findPerson(db, id);
  if (!row) throw notFound('PERSON_NOT_FOUND');
  const [skills, links, windowDays] = await Promise.all([
    findSkills(db, id),
    findLinks(db, id),
    sentenceWindow(db),
  ]);
  return presentPerson(row, access, skills, links, { windowDays, today: today() });
}

/** One person as the caller may see her; every read is audited with what was shown. */
export async function get(db: Db, ctx: RequestContext, id: string) {
  const access = await personAccess(db, ctx, id);
  const person = await present(db, access, id);
  await audit(db, ctx, {
    action: 'person.viewed',
    subjectType: 'person',
    subjectId: id,
    subjectOrganizationId: access.organizationId,
    details: { groups: access.groups, corrections: access.corrections },
  });
  return person;
}

/** People with a similar name and the same birth date (a warning before registering a duplicate). */
export async function similar(
  db: Db,
  ctx: RequestContext,
  query: { fullName: string; birthDate: string; excludeId?: string },
) {
  requirePermission(ctx, 'manage:person');
  const rows = await findSimilar(db, ctx, query);
  await audit(db, ctx, {
    action: 'person.similar_checked',
    subjectType: 'person',
    details: { shown: rows.map((row) => row.id) },
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      displayName: row.full_name,
      birthDate: row.birth_date,
      registrationNumber: row.registration_number,
      similarity: Math.round(Number(row.similarity) * 100) / 100,
    })),
  };
}

function throwForPersonFields(
  fields: Record<string, FieldError>,
  input: { nik?: string | null; registrationNumber?: string | null },
) {
  if (fields.nik?.key === 'nik_taken')
    throw new AppError(409, 'PERSON_NIK_TAKEN', { params: { nik: input.nik }, fields });
  if (fields.registrationNumber?.key === 'registration_taken')
    throw new AppError(409, 'PERSON_REGISTRATION_TAKEN', {
      params: { registrationNumber: input.registrationNumber },
      fields,
    });
  if (Object.keys(fields).length > 0) throw validationFailed(fields);
}

/** A unique index refusing a concurrent duplicate: the same answer as the check before it. */
function uniqueViolation(input: { nik?: string | null; registrationNumber?: string | null }) {
  return (error: unknown): never => {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'person_nik_key')
      throw new AppError(409, 'PERSON_NIK_TAKEN', {
        params: { nik: input.nik },
        fields: { nik: { key: 'nik_taken' } },
      });
    if (code === '23505' && constraint === 'person_registration_key')
      throw new AppError(409, 'PERSON_REGISTRATION_TAKEN', {
        params: { registrationNumber: input.registrationNumber },
        fields: { registrationNumber: { key: 'registration_taken' } },
      });
    throw error;
  };
}

/** Registers a woman held by the caller's prison; warns (409) about a similar name with the same birth date. */
export async function create(db: Db, ctx: RequestContext, body: CreatePersonInput) {
  requirePermission(ctx, 'manage:person');
  // People are registered by the prison that holds them; Bapas and others receive them by handover.
  if (ctx.principal.organizationKind !== 'prison') throw forbidden();
  const organizationId = ctx.principal.organizationId;
  throwForPersonFields(await checkPerson(db, body, { organizationId }), body);
  if (body.birthDate && !body.confirmSimilar) {
    const similarPeople = await findSimilar(db, ctx, { fullName: body.fullName, birthDate: body.birthDate });
    if (similarPeople.length > 0)
      throw new AppError(409, 'PERSON_SIMILAR_EXISTS', { params: { count: similarPeople.length } });
  }
  const values = (await personValues(body)) as PersonValues;
  const id = await db.transaction().execute(async (trx) => {
    const personId = await insertPerson(trx, {
      ...values,
      organization_id: organizationId,
      created_by: ctx.principal.userId,
    }).catch(uniqueViolation(body));
    await replaceSkills(trx, personId, organizationId, skillValues(body.skills));
    await recordTimeline(trx, ctx, personId, { kind: 'person.registered', visibility: 'shared' });
    await audit(trx, ctx, {
      action: 'person.created',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: organizationId,
      details: { fields: Object.keys(body).filter((key) => key !== 'confirmSimilar') },
    });
    return personId;
  });
  return present(db, await personAccess(db, ctx, id), id);
}

/** Edits a person; refuses with 409 when the version the editor read is no longer current. */
export async function update(db: Db, ctx: RequestContext, id: string, body: UpdatePersonInput) {
  requirePermission(ctx, 'manage:person');
  const access = await personAccess(db, ctx, id);
  if (access.anonymized) throw new AppError(409, 'PERSON_ANONYMIZED');
  requireEdit(access);
  const current = await findPerson(db, id);
  if (!current) throw notFound('PERSON_NOT_FOUND');
  const merged = {
    nik: body.nik === undefined ? current.nik : body.nik,
    birthDate: body.birthDate === undefined ? current.birth_date : body.birthDate,
    domicileVillageCode: body.domicileVillageCode,
    intendedVillageId: body.intendedVillageId,
    registrationNumber: body.registrationNumber,
  };
  const fields = await checkPerson(db, merged, { organizationId: current.organization_id, excludeId: id });
  // A changed birth date is checked against the NIK already stored, and the other way round.
  if (fields.nik && body.nik === undefined && body.birthDate !== undefined) {
    fields.birthDate = fields.nik;
    delete fields.nik;
  }
  throwForPersonFields(fields, merged);
  const { version, skills, ...changes } = body;
  const values = await personValues(changes, { full_name: current.full_name, aliases: current.aliases });
  await db.transaction().execute(async (trx) => {
    const updated = await updatePersonIfVersion(trx, id, version, values).catch(uniqueViolation(merged));
    if (!updated) throw new AppError(409, 'PERSON_CHANGED');
    if (skills !== undefined) await replaceSkills(trx, id, current.organization_id, skillValues(skills));
    const changed = [...Object.keys(changes), ...(skills !== undefined ? ['skills'] : [])];
    await recordTimeline(trx, ctx, id, {
      kind: 'person.updated',
      visibility: 'corrections',
      details: { fields: changed },
    });
    await audit(trx, ctx, {
      action: 'person.updated',
      subjectType: 'person',
      subjectId: id,
      subjectOrganizationId: current.organization_id,
      details: { fields: changed },
    });
  });
  return present(db, access, id);
}

// ── Custody and sentence ──

async function custodyView(db: Trx, personId: string): Promise<CustodyView> {
  const [custody, remissions, scores, ruleSet, person] = await Promise.all([
    findCustody(db, personId),
    findRemissions(db, personId),
    findBehaviourScores(db, personId),
    currentRules(db, 'sentence'),
    findPerson(db, personId),
  ]);
  const status = person
    ? journeyStatus(
        {
          releaseDate: person.release_date,
          releasedOn: person.released_on,
          supervisionEndDate: person.supervision_end_date,
          returnedOn: person.returned_on,
        },
        ruleSet.rules.preReleaseWindowDays,
        today(),
      )
    : null;
  return {
    custody: custody ? presentCustody(custody) : null,
    remissions: remissions.map((r) => ({
      id: r.id,
      kind: r.kind as CustodyView['remissions'][number]['kind'],
      days: r.days,
      decreeNumber: r.decree_number,
      decreeDate: r.decree_date,
    })),
    behaviourScores: scores.map((s) => ({
      month: s.month.slice(0, 7),
      score: Number(s.score),
      note: s.note,
    })),
    milestones: custody
      ? computeMilestones(sentenceInput(custody, remissions, scores), ruleSet.rules, ruleSet.version, today())
      : null,
    status,
  };
}

/** Recomputes the stored release date (and the other journey dates) after any change to the sentence. */
async function syncJourneyDates(trx: Trx, personId: string) {
  const [custody, remissions, ruleSet] = await Promise.all([
    findCustody(trx, personId),
    findRemissions(trx, personId),
    currentRules(trx, 'sentence'),
  ]);
  if (!custody) return;
  await setJourneyDates(trx, personId, {
    // Release, asimilasi, PB, CB and CMB dates by the sentence alone (behaviour does not remove a date).
    ...journeyMilestoneDates(sentenceInput(custody, remissions, []), ruleSet.rules),
    released_on: custody.released_on,
    supervision_end_date: custody.supervision_end_date,
    returned_on: custody.returned_on,
  });
}

async function custodyAccess(db: Db, ctx: RequestContext, personId: string) {
  const access = await personAccess(db, ctx, personId);
  requireCorrections(access);
  requirePermission(ctx, 'read:custody');
  return access;
}

async function custodyEditAccess(db: Db, ctx: RequestContext, personId: string) {
  const access = await custodyAccess(db, ctx, personId);
  requirePermission(ctx, 'manage:custody');
  if (access.anonymized) throw new AppError(409, 'PERSON_ANONYMIZED');
  return access;
}

/** Offence, sentence, remissions, SPPN and the computed milestones: corrections staff only, audited. */
export async function getCustody(db: Db, ctx: RequestContext, personId: string) {
  const access = await custodyAccess(db, ctx, personId);
  const view = await custodyView(db, personId);
  await audit(db, ctx, {
    action: 'custody.viewed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
  });
  return view;
}

function checkCustodyDates(body: SaveCustodyInput) {
  const fields: Record<string, FieldError> = {};
  const now = today();
  const after = (
    field: keyof SaveCustodyInput,
    value: string | null | undefined,
    earlier: string | null | undefined,
    other: string,
  ) => {
    if (value && earlier && value < earlier) fields[field] = { key: 'date_before', params: { other } };
  };
  if (body.detentionStartDate && body.detentionStartDate > now)
    fields.detentionStartDate = { key: 'date_in_future' };
  if (body.courtDecisionDate && body.courtDecisionDate > now)
    fields.courtDecisionDate = { key: 'date_in_future' };
  if (body.releasedOn && body.releasedOn > now) fields.releasedOn = { key: 'date_in_future' };
  if (body.returnedOn && body.returnedOn > now) fields.returnedOn = { key: 'date_in_future' };
  after('releasedOn', body.releasedOn, body.detentionStartDate, 'tanggal mulai ditahan');
  after('supervisionEndDate', body.supervisionEndDate, body.releasedOn, 'tanggal bebas');
  after('returnedOn', body.returnedOn, body.releasedOn, 'tanggal bebas');
  if (body.transferPlannedOn && body.detentionStartDate && body.transferPlannedOn < body.detentionStartDate)
    fields.transferPlannedOn = { key: 'transfer_before_detention' };
  // Only someone released can return; a conditional release (PB, CB, CMB) is supervised until a date.
  if (body.returnedOn && !body.releasedOn) fields.releasedOn = { key: 'required' };
  if (
    body.releasedOn &&
    (body.releaseKind === 'parole' ||
      body.releaseKind === 'conditional_leave' ||
      body.releaseKind === 'pre_release_leave') &&
    !body.supervisionEndDate
  )
    fields.supervisionEndDate = { key: 'required' };
  if (body.releasedOn && !body.releaseKind) fields.releaseKind = { key: 'required' };
  if (
    body.sentenceKind === 'fixed' &&
    body.sentenceYears + body.sentenceMonths + body.sentenceDays === 0 &&
    body.detentionStartDate
  )
    fields.sentenceYears = { key: 'sentence_empty' };
  if (Object.keys(fields).length > 0) throw validationFailed(fields);
}

/** Creates or edits the custody record (version 0 to create); 409 when someone else saved first. */
export async function saveCustody(db: Db, ctx: RequestContext, personId: string, body: SaveCustodyInput) {
  const access = await custodyEditAccess(db, ctx, personId);
  checkCustodyDates(body);
  const { version, ...rest } = body;
  const values: CustodyValues = {
    offence_category: rest.offenceCategory ?? null,
    court_decision_number: rest.courtDecisionNumber ?? null,
    court_decision_date: rest.courtDecisionDate ?? null,
    sentence_kind: rest.sentenceKind,
    sentence_years: rest.sentenceYears,
    sentence_months: rest.sentenceMonths,
    sentence_days: rest.sentenceDays,
    fine_amount: rest.fineAmount ?? null,
    fine_substitute_months: rest.fineSubstituteMonths,
    fine_substitute_days: rest.fineSubstituteDays,
    fine_paid: rest.finePaid,
    detention_start_date: rest.detentionStartDate ?? null,
    release_kind: rest.releaseKind ?? null,
    released_on: rest.releasedOn ?? null,
    supervision_end_date: rest.supervisionEndDate ?? null,
    returned_on: rest.returnedOn ?? null,
    transfer_planned_on: rest.transferPlannedOn ?? null,
    transfer_destination: rest.transferDestination ?? null,
  };
  return db.transaction().execute(async (trx) => {
    const existing = await findCustody(trx, personId);
    if (!existing) {
      if (version !== 0) throw new AppError(409, 'CUSTODY_CHANGED');
      await insertCustody(trx, personId, access.organizationId, values).catch((error: unknown) => {
        throw (error as { code?: string }).code === '23505' ? new AppError(409, 'CUSTODY_CHANGED') : error;
      });
    } else if (!(await updateCustodyIfVersion(trx, personId, version, values))) {
      throw new AppError(409, 'CUSTODY_CHANGED');
    }
    await syncJourneyDates(trx, personId);
    // A return to custody ends her supervision and records the outcome windows not yet checked; a corrected
    // or cleared return date moves or deletes those automatic checks (supervision.service onReturnDateChanged).
    if (values.returned_on !== (existing?.returned_on ?? null))
      await onReturnDateChanged(trx, ctx, personId, existing?.returned_on ?? null, values.returned_on);
    if (values.returned_on && values.returned_on !== existing?.returned_on) {
      // Her live handover ends too: her next release needs a new one.
      await endHandoverOnReturn(trx, ctx, personId, values.returned_on);
    }
    const events: string[] = ['custody.changed'];
    if (values.released_on && values.released_on !== existing?.released_on) events.push('person.released');
    if (values.returned_on && values.returned_on !== existing?.returned_on) events.push('person.returned');
    for (const kind of events)
      await recordTimeline(trx, ctx, personId, {
        kind,
        // Release and return are part of her status that a consented kelurahan follows; the sentence is not.
        visibility: kind === 'custody.changed' ? 'corrections' : 'shared',
        details:
          kind === 'custody.changed'
            ? {}
            : { date: kind === 'person.released' ? values.released_on : values.returned_on },
      });
    await audit(trx, ctx, {
      action: existing ? 'custody.updated' : 'custody.created',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: access.organizationId,
    });
    return custodyView(trx, personId);
  });
}

/** Records a remission (it moves the release date) and recomputes the milestones. */
export async function addRemission(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: { kind: string; days: number; decreeNumber?: string | null; decreeDate: string },
) {
  const access = await custodyEditAccess(db, ctx, personId);
  if (body.decreeDate > today()) throw validationFailed({ decreeDate: { key: 'date_in_future' } });
  return db.transaction().execute(async (trx) => {
    const custody = await findCustody(trx, personId);
    if (!custody) throw validationFailed({ decreeDate: { key: 'sentence_empty' } });
    if (custody.detention_start_date && body.decreeDate < custody.detention_start_date)
      throw validationFailed({
        decreeDate: { key: 'date_before', params: { other: 'tanggal mulai ditahan' } },
      });
    const remissionId = await insertRemission(trx, {
      person_id: personId,
      organization_id: access.organizationId,
      kind: body.kind,
      days: body.days,
      decree_number: body.decreeNumber ?? null,
      decree_date: body.decreeDate,
    });
    await touchCustody(trx, personId);
    await syncJourneyDates(trx, personId);
    await recordTimeline(trx, ctx, personId, {
      kind: 'remission.added',
      visibility: 'corrections',
      details: { kind: body.kind, days: body.days },
    });
    await audit(trx, ctx, {
      action: 'remission.added',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: access.organizationId,
      details: { remissionId },
    });
    return custodyView(trx, personId);
  });
}

/** Removes a remission recorded in error. */
export async function removeRemission(db: Db, ctx: RequestContext, personId: string, remissionId: string) {
  const access = await custodyEditAccess(db, ctx, personId);
  return db.transaction().execute(async (trx) => {
    const removed = await deleteRemission(trx, personId, remissionId);
    if (!removed) throw notFound('REMISSION_NOT_FOUND');
    await touchCustody(trx, personId);
    await syncJourneyDates(trx, personId);
    await recordTimeline(trx, ctx, personId, {
      kind: 'remission.removed',
      visibility: 'corrections',
      details: { kind: removed.kind, days: removed.days },
    });
    await audit(trx, ctx, {
      action: 'remission.removed',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: access.organizationId,
      details: { remissionId },
    });
    return custodyView(trx, personId);
  });
}

/** Records (or corrects) the SPPN behaviour score of a month. */
export async function saveBehaviourScore(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: { month: string; score: number; note?: string | null },
) {
  const access = await custodyEditAccess(db, ctx, personId);
  const month = `${body.month}-01`;
  if (month > today()) throw validationFailed({ month: { key: 'date_in_future' } });
  return db.transaction().execute(async (trx) => {
    await upsertBehaviourScore(trx, {
      person_id: personId,
      organization_id: access.organizationId,
      month,
      score: body.score,
      note: body.note ?? null,
      recorded_by: ctx.principal.userId,
    });
    await touchCustody(trx, personId);
    await recordTimeline(trx, ctx, personId, {
      kind: 'behaviour.scored',
      visibility: 'corrections',
      details: { month: body.month },
    });
    await audit(trx, ctx, {
      action: 'behaviour.scored',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: access.organizationId,
      details: { month: body.month },
    });
    return custodyView(trx, personId);
  });
}

/** Refers a person to a Bapas (for Litmas): from then on that Bapas sees her record. */
export async function refer(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: { organizationId: string; note?: string | null },
) {
  const access = await custodyEditAccess(db, ctx, personId);
  if ((await organizationKind(db, body.organizationId)) !== 'probation')
    throw validationFailed({ organizationId: { key: 'organization_not_probation' } });
  await db.transaction().execute(async (trx) => {
    if (await activeLinkExists(trx, personId, body.organizationId, 'referral'))
      throw new AppError(409, 'REFERRAL_EXISTS');
    await insertLink(trx, {
      person_id: personId,
      organization_id: body.organizationId,
      kind: 'referral',
      note: body.note ?? null,
      created_by: ctx.principal.userId,
    }).catch((error: unknown) => {
      throw (error as { code?: string }).code === '23505' ? new AppError(409, 'REFERRAL_EXISTS') : error;
    });
    await recordTimeline(trx, ctx, personId, {
      kind: 'person.referred',
      visibility: 'corrections',
      details: { organizationId: body.organizationId },
    });
    await audit(trx, ctx, {
      action: 'person.referred',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: access.organizationId,
      details: { organizationId: body.organizationId },
    });
  });
  return present(db, access, personId);
}

/** Shared events that tell a field of a group: shown outside corrections only with that group consented. */
const SHARED_EVENT_GROUPS: Record<string, FieldGroup> = {
  'person.released': 'availability_status',
  'person.returned': 'availability_status',
  // Training events tell her skills: outside corrections only with skills_training consented.
  'training.allocated': 'skills_training',
  'training.completed': 'skills_training',
  'training.assessed': 'skills_training',
  'training.deallocated': 'skills_training',
  'certificate.added': 'skills_training',
};

/**
 * Her timeline, newest first: corrections staff see every event, others the shared ones whose field group
 * they were given.
 */
export async function timeline(
  db: Db,
  ctx: RequestContext,
  personId: string,
  page: { page: number; pageSize: number },
) {
  const access = await personAccess(db, ctx, personId);
  if (!access.corrections && access.groups.length === 0) throw notFound('PERSON_NOT_FOUND');
  const { items, total } = await listTimeline(db, personId, {
    correctionsOnlyVisible: access.corrections,
    excludeKinds: Object.entries(SHARED_EVENT_GROUPS)
      .filter(([, group]) => !access.groups.includes(group))
      .map(([kind]) => kind),
    ...page,
  });
  await audit(db, ctx, {
    action: 'person.timeline_viewed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
  });
  return { items: items.map(presentTimelineEvent), total, ...page };
}
