import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import { SECTORS } from '../../../shared/people.ts';
import {
  type UpdateVillageRequest,
  VILLAGE_LIMITS,
  type VillageDetail,
  type VillageRevisionsQuery,
  type VillageSectorRow,
} from '../../../shared/villages.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, type FieldError, failOnFields, forbidden, notFound } from '../../platform/errors.ts';
import { presentContact } from '../organizations/organizations.presenter.ts';
import { isPartner, managedVillage, managesVillages } from './villages.access.ts';
import {
  type ContactDoc,
  diffVillage,
  type FacilityDoc,
  type NeedDoc,
  type PotentialDoc,
  type ProfileDoc,
  summarize,
  type VillageDoc,
} from './villages.diff.ts';
import { presentRevision, presentVillage, presentVillageListItem } from './villages.presenter.ts';
import {
  type CountScope,
  deleteRowsExcept,
  type FacilityRow,
  findFacilities,
  findNeeds,
  findPotentials,
  findProfile,
  findSkills,
  findVillage,
  insertProfile,
  insertRevision,
  isVillage,
  listRevisions,
  listVillages,
  lockVillage,
  type NeedRow,
  needsBySector,
  opportunitiesBySector,
  type PotentialRow,
  potentialsBySector,
  saveFacilities,
  saveNeeds,
  savePotentials,
  updateContacts,
  updateProfileIfVersion,
} from './villages.repository.ts';

type Db = Kysely<Database>;
type UpdateInput = z.output<typeof UpdateVillageRequest>;
type RevisionsQuery = z.output<typeof VillageRevisionsQuery>;
type Fields = Record<string, FieldError>;

/** A partner's staff count only her own organization's partners and opportunities (ADR 011). */
function countScope(ctx: RequestContext): CountScope {
  return { partnerId: isPartner(ctx) ? ctx.principal.organizationId : null };
}

/** The SQL "may the caller edit this kelurahan" for the row aliased `o`. */
function canEditSql(ctx: RequestContext) {
  return managesVillages(ctx) ? managedVillage(ctx, 'o.id') : sql<boolean>`false`;
}

async function load(db: Db, ctx: RequestContext, villageId: string): Promise<VillageDetail> {
  const row = await findVillage(db, countScope(ctx), villageId, canEditSql(ctx));
  if (!row) throw notFound('VILLAGE_PROFILE_NOT_FOUND');
  const [potentials, needs, facilities] = await Promise.all([
    findPotentials(db, villageId),
    findNeeds(db, villageId),
    findFacilities(db, villageId),
  ]);
  return presentVillage(row, { potentials, needs, facilities });
}

/** Every kelurahan with its counts (everyone signed in). */
export async function list(db: Db, ctx: RequestContext, query: { q?: string }) {
  requirePermission(ctx, 'read:village');
  const rows = await listVillages(db, countScope(ctx), query.q);
  return { items: rows.map(presentVillageListItem) };
}

/** One kelurahan's profile, contacts, potentials, needs, facilities and counts; 404 for any other id. */
export async function get(db: Db, ctx: RequestContext, villageId: string) {
  requirePermission(ctx, 'read:village');
  return load(db, ctx, villageId);
}

/** Per sector of SECTORS: potentials, needs, open opportunities and places, placed people. */
export async function sectors(db: Db, ctx: RequestContext, query: { villageId?: string }) {
  requirePermission(ctx, 'read:village');
  const villageId = query.villageId ?? null;
  if (villageId !== null && !(await isVillage(db, villageId))) throw notFound('VILLAGE_PROFILE_NOT_FOUND');
  const [potentials, needs, opportunities] = await Promise.all([
    potentialsBySector(db, villageId),
    needsBySector(db, villageId),
    opportunitiesBySector(db, countScope(ctx), villageId),
  ]);
  const items: VillageSectorRow[] = SECTORS.map((sector) => {
    const potential = potentials.find((row) => row.sector === sector);
    const need = needs.find((row) => row.sector === sector);
    const opportunity = opportunities.find((row) => row.sector === sector);
    return {
      sector,
      potentials: Number(potential?.count ?? 0),
      potentialMaxStrength: potential ? Number(potential.max_strength) : null,
      potentialAvgStrength: potential ? Math.round(Number(potential.avg_strength) * 100) / 100 : null,
      needs: Number(need?.count ?? 0),
      needSize: Number(need?.size ?? 0),
      openOpportunities: Number(opportunity?.open_opportunities ?? 0),
      openPlaces: Number(opportunity?.open_places ?? 0),
      placed: Number(opportunity?.placed ?? 0),
    };
  });
  return { villageId, items };
}

/** The kelurahan's saved versions, newest first, with who saved each and what changed. */
export async function revisions(db: Db, ctx: RequestContext, villageId: string, query: RevisionsQuery) {
  requirePermission(ctx, 'read:village');
  if (!(await isVillage(db, villageId))) throw notFound('VILLAGE_PROFILE_NOT_FOUND');
  const { items, total } = await listRevisions(db, villageId, query);
  const revisions = items.map(presentRevision);
  const skillIds = new Set<string>();
  for (const revision of revisions)
    for (const change of revision.changes)
      if (change.field === 'skillId')
        for (const value of [change.from, change.to]) if (typeof value === 'string') skillIds.add(value);
  const skills = (await findSkills(db, [...skillIds])).map((skill) => ({
    id: skill.id,
    name: skill.name_id,
    nameEn: skill.name_en,
  }));
  return { items: revisions, total, page: query.page, pageSize: query.pageSize, skills };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Coordinates come in pairs and lie in and around Kota Semarang. */
function checkCoordinates(body: UpdateInput, fields: Fields) {
  const latitude = body.latitude ?? null;
  const longitude = body.longitude ?? null;
  if ((latitude === null) !== (longitude === null)) {
    fields[latitude === null ? 'latitude' : 'longitude'] = { key: 'village_coordinates_pair' };
    return;
  }
  const { latitude: lat, longitude: long } = VILLAGE_LIMITS;
  if (latitude !== null && (latitude < lat.min || latitude > lat.max))
    fields.latitude = { key: 'village_latitude_outside', params: lat };
  if (longitude !== null && (longitude < long.min || longitude > long.max))
    fields.longitude = { key: 'village_longitude_outside', params: long };
}

/**
 * Each row with an id must be one of this kelurahan's rows of that section, named once; each skill must
 * exist and be active (a row may keep the inactive skill it already had).
 */
function checkRows(
  section: 'potentials' | 'needs' | 'facilities',
  rows: { id?: string; skillId?: string | null }[],
  existing: { id: string; skill_id?: string | null }[],
  skills: Map<string, { active: boolean }>,
  fields: Fields,
) {
  const byId = new Map(existing.map((row) => [row.id, row]));
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (row.id !== undefined) {
      if (!byId.has(row.id) || seen.has(row.id))
        fields[`${section}.${index}.id`] = { key: 'village_row_unknown' };
      seen.add(row.id);
    }
    if (row.skillId) {
      const skill = skills.get(row.skillId);
      const kept = row.id !== undefined && byId.get(row.id)?.skill_id === row.skillId;
      if (!skill || (!skill.active && !kept))
        fields[`${section}.${index}.skillId`] = { key: 'skill_unknown' };
    }
  });
}

/** The document as stored, in the diff's terms. */
function storedDoc(
  profile: Awaited<ReturnType<typeof findProfile>>,
  contacts: ContactDoc[],
  rows: { potentials: PotentialRow[]; needs: NeedRow[]; facilities: FacilityRow[] },
): VillageDoc {
  const decimal = (value: string | number | null | undefined) =>
    value === null || value === undefined ? null : Number(value);
  return {
    profile: {
      lurahName: profile?.lurah_name ?? null,
      lurahPhone: profile?.lurah_phone ?? null,
      population: profile?.population ?? null,
      areaKm2: decimal(profile?.area_km2),
      latitude: decimal(profile?.latitude),
      longitude: decimal(profile?.longitude),
      description: profile?.description ?? null,
      hostSince: profile?.host_since ?? null,
      hostAgreement: profile?.host_agreement ?? null,
    },
    contacts,
    potentials: rows.potentials.map((row) => ({
      id: row.id,
      sector: row.sector,
      skillId: row.skill_id,
      description: row.description,
      strength: row.strength,
      source: row.source,
    })),
    needs: rows.needs.map((row) => ({
      id: row.id,
      sector: row.sector,
      skillId: row.skill_id,
      kind: row.kind,
      description: row.description,
      size: row.size,
      seasonMonths: [...row.season_months].sort((a, b) => a - b),
    })),
    facilities: rows.facilities.map((row) => ({
      id: row.id,
      kind: row.kind,
      name: row.name,
      address: row.address,
      capacity: row.capacity,
      description: row.description,
    })),
  };
}

/** The document sent, normalised as it will be stored (numbers rounded to the columns' scale). */
function sentDoc(body: UpdateInput): VillageDoc {
  const profile: ProfileDoc = {
    lurahName: body.lurahName ?? null,
    lurahPhone: body.lurahPhone ?? null,
    population: body.population ?? null,
    areaKm2: body.areaKm2 == null ? null : round(body.areaKm2, 2),
    latitude: body.latitude == null ? null : round(body.latitude, 6),
    longitude: body.longitude == null ? null : round(body.longitude, 6),
    description: body.description ?? null,
    hostSince: body.hostSince ?? null,
    hostAgreement: body.hostAgreement ?? null,
  };
  const contacts: ContactDoc[] = body.contacts.map(presentContact);
  const potentials: PotentialDoc[] = body.potentials.map((row) => ({
    ...(row.id !== undefined && { id: row.id }),
    sector: row.sector,
    skillId: row.skillId ?? null,
    description: row.description,
    strength: row.strength,
    source: row.source ?? null,
  }));
  const needs: NeedDoc[] = body.needs.map((row) => ({
    ...(row.id !== undefined && { id: row.id }),
    sector: row.sector,
    skillId: row.skillId ?? null,
    kind: row.kind,
    description: row.description,
    size: row.size ?? null,
    seasonMonths: [...row.seasonMonths].sort((a, b) => a - b),
  }));
  const facilities: FacilityDoc[] = body.facilities.map((row) => ({
    ...(row.id !== undefined && { id: row.id }),
    kind: row.kind,
    name: row.name,
    address: row.address ?? null,
    capacity: row.capacity ?? null,
    description: row.description ?? null,
  }));
  return { profile, contacts, potentials, needs, facilities };
}

/**
 * Saves the whole profile document of a kelurahan the caller manages: profile, contacts and the three
 * lists (rows with id updated, without id added, the others deleted), with one revision holding the
 * difference and an audit entry, all in one transaction. A stale version → 409; a save that changes
 * nothing writes nothing and answers the current document.
 */
export async function update(db: Db, ctx: RequestContext, villageId: string, body: UpdateInput) {
  requirePermission(ctx, 'manage:village');
  const village = await findVillage(db, countScope(ctx), villageId, canEditSql(ctx));
  if (!village) throw notFound('VILLAGE_PROFILE_NOT_FOUND');
  if (!village.can_edit) throw forbidden();

  const fields: Fields = {};
  checkCoordinates(body, fields);
  const skillIds = [
    ...new Set([...body.potentials, ...body.needs].flatMap((row) => (row.skillId ? [row.skillId] : []))),
  ];
  const skills = new Map((await findSkills(db, skillIds)).map((skill) => [skill.id, skill]));
  const after = sentDoc(body);

  await db.transaction().execute(async (trx) => {
    const locked = await lockVillage(trx, villageId);
    if (!locked) throw notFound('VILLAGE_PROFILE_NOT_FOUND');
    const profile = await findProfile(trx, villageId);
    if ((profile?.version ?? 0) !== body.version) throw conflict('VERSION_CONFLICT');
    const [potentials, needs, facilities] = await Promise.all([
      findPotentials(trx, villageId),
      findNeeds(trx, villageId),
      findFacilities(trx, villageId),
    ]);
    checkRows('potentials', body.potentials, potentials, skills, fields);
    checkRows('needs', body.needs, needs, skills, fields);
    checkRows('facilities', body.facilities, facilities, skills, fields);
    failOnFields(fields);

    const before = storedDoc(profile, locked.contacts.map(presentContact), { potentials, needs, facilities });
    const changes = diffVillage(before, after);
    if (changes.length === 0) return;

    const userId = ctx.principal.userId;
    const values = {
      lurah_name: after.profile.lurahName,
      lurah_phone: after.profile.lurahPhone,
      population: after.profile.population,
      area_km2: after.profile.areaKm2,
      latitude: after.profile.latitude,
      longitude: after.profile.longitude,
      description: after.profile.description,
      host_since: after.profile.hostSince,
      host_agreement: after.profile.hostAgreement,
    };
    if (!profile) await insertProfile(trx, villageId, values, userId);
    else if (!(await updateProfileIfVersion(trx, villageId, body.version, values, userId)))
      throw conflict('VERSION_CONFLICT');
    const version = body.version + 1;

    // The village profile is the only writer of a kelurahan's contacts: its version check covers them.
    if (changes.some((change) => change.section === 'contact'))
      await updateContacts(trx, villageId, after.contacts);
    await deleteRowsExcept(trx, 'village_potential', villageId, keptIds(after.potentials));
    await deleteRowsExcept(trx, 'village_need', villageId, keptIds(after.needs));
    await deleteRowsExcept(trx, 'village_facility', villageId, keptIds(after.facilities));
    await savePotentials(
      trx,
      villageId,
      after.potentials.map(({ skillId, ...row }, index) => ({
        ...row,
        skill_id: skillId,
        position: index + 1,
      })),
    );
    await saveNeeds(
      trx,
      villageId,
      after.needs.map(({ skillId, seasonMonths, ...row }, index) => ({
        ...row,
        skill_id: skillId,
        season_months: seasonMonths,
        position: index + 1,
      })),
    );
    await saveFacilities(
      trx,
      villageId,
      after.facilities.map((row, index) => ({ ...row, position: index + 1 })),
    );
    await insertRevision(trx, { villageId, version, userId, changes });
    await audit(trx, ctx, {
      action: 'village.updated',
      subjectType: 'village',
      subjectId: villageId,
      subjectOrganizationId: villageId,
      details: { version, ...summarize(changes) },
    });
  });
  return load(db, ctx, villageId);
}

const keptIds = (rows: { id?: string }[]) => rows.flatMap((row) => (row.id ? [row.id] : []));
