import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, PartnerTypeValue } from '../../src/server/db/schema.ts';

const unique = () => randomBytes(3).toString('hex');

/**
 * A seeded kelurahan (organization of kind village) by its Kemendagri code, e.g. '33.74.13.1013'
 * (Krobokan): the one lookup of a kelurahan for every test.
 */
export async function villageByCode(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('organization')
    .select(['id', 'name', 'short_name', 'code', 'parent_id'])
    .where('kind', '=', 'village')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
}

/**
 * A saved profile of a kelurahan (version 1 unless given) with the given potentials, needs and facilities,
 * inserted directly (no revision).
 */
export async function createVillageProfile(
  db: Kysely<Database>,
  villageId: string,
  overrides: Partial<{
    lurahName: string | null;
    population: number | null;
    latitude: number | null;
    longitude: number | null;
    hostSince: string | null;
    hostAgreement: string | null;
    version: number;
    potentials: { sector: string; description?: string; strength?: number; skillId?: string | null }[];
    needs: {
      sector: string;
      kind?: 'labour_demand' | 'service_needed' | 'market';
      description?: string;
      size?: number | null;
      seasonMonths?: number[];
    }[];
    facilities: { kind?: 'training_venue' | 'market_stall' | 'community_hub' | 'other'; name?: string }[];
  }> = {},
) {
  const decimal = (value: number | null | undefined) => (value == null ? null : String(value));
  await db
    .insertInto('village_profile')
    .values({
      organization_id: villageId,
      lurah_name: overrides.lurahName ?? 'Lurah Uji',
      population: overrides.population ?? 10000,
      latitude: decimal(overrides.latitude),
      longitude: decimal(overrides.longitude),
      host_since: overrides.hostSince ?? null,
      host_agreement: overrides.hostAgreement ?? null,
      version: overrides.version ?? 1,
    })
    .execute();
  let position = 0;
  for (const row of overrides.potentials ?? []) {
    position += 1;
    await db
      .insertInto('village_potential')
      .values({
        village_id: villageId,
        sector: row.sector,
        skill_id: row.skillId ?? null,
        description: row.description ?? `Potensi ${row.sector} ${unique()}`,
        strength: row.strength ?? 3,
        position,
      })
      .execute();
  }
  position = 0;
  for (const row of overrides.needs ?? []) {
    position += 1;
    await db
      .insertInto('village_need')
      .values({
        village_id: villageId,
        sector: row.sector,
        kind: row.kind ?? 'labour_demand',
        description: row.description ?? `Kebutuhan ${row.sector} ${unique()}`,
        size: row.size ?? null,
        season_months: JSON.stringify(row.seasonMonths ?? []),
        position,
      })
      .execute();
  }
  position = 0;
  for (const row of overrides.facilities ?? []) {
    position += 1;
    await db
      .insertInto('village_facility')
      .values({
        village_id: villageId,
        kind: row.kind ?? 'community_hub',
        name: row.name ?? `Balai ${unique()}`,
        position,
      })
      .execute();
  }
}

/**
 * A partner organization with its partner profile (an UMKM in garment by default, no kelurahan), or
 * without one (`profile: false`, like the partners seeded before profiles existed).
 */
export async function createPartner(
  db: Kysely<Database>,
  overrides: Partial<{
    name: string;
    shortName: string | null;
    profile: boolean;
    type: PartnerTypeValue;
    sectors: string[];
    villageId: string | null;
    willingToEmploy: 'yes' | 'case_by_case' | 'no' | 'unknown';
    agreementNumber: string | null;
    agreementSignedOn: string | null;
    agreementExpiresOn: string | null;
    createdBy: string | null;
  }> = {},
) {
  const organization = await db
    .insertInto('organization')
    .values({
      kind: 'partner',
      name: overrides.name ?? `Mitra Uji ${unique()}`,
      short_name: overrides.shortName ?? null,
      contacts: JSON.stringify([]),
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  if (overrides.profile !== false)
    await db
      .insertInto('partner_profile')
      .values({
        organization_id: organization.id,
        partner_type: overrides.type ?? 'umkm',
        sectors: JSON.stringify(overrides.sectors ?? ['garment']),
        village_id: overrides.villageId ?? null,
        willing_to_employ: overrides.willingToEmploy ?? 'unknown',
        agreement_number: overrides.agreementNumber ?? null,
        agreement_signed_on: overrides.agreementSignedOn ?? null,
        agreement_expires_on: overrides.agreementExpiresOn ?? null,
        created_by: overrides.createdBy ?? null,
      })
      .execute();
  return organization;
}
