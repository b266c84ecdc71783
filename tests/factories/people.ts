import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { LAPAS_ID } from '../../src/server/db/seed/reference.ts';
import type { FieldGroup } from '../../src/shared/people.ts';

const unique = () => randomBytes(3).toString('hex');

/** A person held by a prison (LPP Semarang by default), with a custody record when `custody` is given. */
export async function createPerson(
  db: Kysely<Database>,
  overrides: Partial<{
    organizationId: string;
    fullName: string;
    nik: string | null;
    birthDate: string | null;
    registrationNumber: string | null;
    phone: string | null;
    intendedVillageId: string | null;
    domicileVillageCode: string | null;
    releaseDate: string | null;
    skills: string[];
    custody: Partial<{
      offenceCategory: string;
      detentionStartDate: string;
      years: number;
      months: number;
    }>;
  }> = {},
) {
  const organizationId = overrides.organizationId ?? LAPAS_ID;
  const fullName = overrides.fullName ?? `Warga Uji ${unique()}`;
  const person = await db
    .insertInto('person')
    .values({
      organization_id: organizationId,
      full_name: fullName,
      search_name: fullName.toLowerCase(),
      nik: overrides.nik ?? null,
      birth_date: overrides.birthDate ?? '1990-05-17',
      registration_number: overrides.registrationNumber ?? `BI.${unique()}`,
      phone: overrides.phone ?? '081234567890',
      intended_village_id: overrides.intendedVillageId ?? null,
      domicile_village_code: overrides.domicileVillageCode ?? null,
      release_date: overrides.releaseDate ?? null,
      aliases: JSON.stringify([]),
      preferred_sectors: JSON.stringify([]),
      constraints: JSON.stringify({}),
      guarantor: null,
    })
    .returning(['id', 'full_name', 'organization_id'])
    .executeTakeFirstOrThrow();
  if (overrides.skills?.length)
    await db
      .insertInto('person_skill')
      .values(
        overrides.skills.map((name) => ({ person_id: person.id, organization_id: organizationId, name })),
      )
      .execute();
  if (overrides.custody)
    await db
      .insertInto('custody')
      .values({
        person_id: person.id,
        organization_id: organizationId,
        offence_category: overrides.custody.offenceCategory ?? 'narcotics',
        detention_start_date: overrides.custody.detentionStartDate ?? '2025-01-10',
        sentence_years: overrides.custody.years ?? 3,
        sentence_months: overrides.custody.months ?? 0,
      })
      .execute();
  return person;
}

/** A consent, given yesterday, for named organizations and/or kinds of organization. */
export async function giveConsent(
  db: Kysely<Database>,
  personId: string,
  options: Partial<{ organizationIds: string[]; kinds: string[]; groups: FieldGroup[]; withdrawn: boolean }>,
) {
  const person = await db
    .selectFrom('person')
    .select('organization_id')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return db
    .insertInto('consent')
    .values({
      person_id: personId,
      organization_id: person.organization_id,
      purpose: 'Penempatan kerja di kelurahan',
      recipient_organization_ids: JSON.stringify(options.organizationIds ?? []),
      recipient_kinds: JSON.stringify(options.kinds ?? []),
      field_groups: JSON.stringify(
        options.groups ?? ['identity_contact', 'skills_training', 'availability_status'],
      ),
      given_on: '2026-01-05',
      withdrawn_on: options.withdrawn ? '2026-02-01' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Links a person to an organization: a referral or handover to Bapas, a proposal or placement with a partner. */
export async function linkPerson(
  db: Kysely<Database>,
  personId: string,
  organizationId: string,
  kind: 'referral' | 'handover' | 'proposal' | 'placement',
) {
  return db
    .insertInto('person_link')
    .values({ person_id: personId, organization_id: organizationId, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
}
