import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import type { SkillEvidence } from '../../src/shared/matching.ts';
import type { FieldGroup } from '../../src/shared/people.ts';
import type { SkillLevel } from '../../src/shared/skills.ts';
import { createPerson, giveConsent } from './people.ts';

/** A skill's id by its taxonomy code (e.g. 'garment.sewing'). */
export async function skillId(db: Kysely<Database>, code: string) {
  return (await db.selectFrom('skill').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/**
 * A woman ready to be matched, held by LPP Semarang: her taxonomy skills (level and evidence), sectors of
 * interest, the kelurahan she intends to live in, released on `releasedOn` (else in custody with
 * `releaseDate`), with a custody record naming `offence` when given, and a current consent to the given
 * organizations and kinds (none when both are empty).
 */
export async function createMatchablePerson(
  db: Kysely<Database>,
  options: Partial<{
    fullName: string;
    skills: { code: string; level?: SkillLevel; evidence?: SkillEvidence }[];
    preferredSectors: string[];
    intendedVillageId: string | null;
    releasedOn: string | null;
    releaseDate: string | null;
    offence: string;
    birthDate: string | null;
    consent: { organizationIds?: string[]; kinds?: string[]; groups?: FieldGroup[] };
    constraints: { childcare?: boolean; partTimeOnly?: boolean };
  }> = {},
) {
  const person = await createPerson(db, {
    fullName: options.fullName,
    intendedVillageId: options.intendedVillageId ?? null,
    releaseDate: options.releaseDate ?? null,
    birthDate: options.birthDate,
    ...(options.offence && { custody: { offenceCategory: options.offence } }),
  });
  await db
    .updateTable('person')
    .set({
      preferred_sectors: JSON.stringify(options.preferredSectors ?? []),
      constraints: JSON.stringify(options.constraints ?? {}),
      released_on: options.releasedOn ?? null,
    })
    .where('id', '=', person.id)
    .execute();
  if (options.releasedOn && options.offence)
    await db
      .updateTable('custody')
      .set({ released_on: options.releasedOn, release_kind: 'parole' })
      .where('person_id', '=', person.id)
      .execute();
  for (const skill of options.skills ?? []) {
    const row = await db
      .selectFrom('skill')
      .select(['id', 'name_id', 'sector'])
      .where('code', '=', skill.code)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('person_skill')
      .values({
        person_id: person.id,
        organization_id: person.organization_id,
        name: row.name_id,
        sector: row.sector,
        skill_id: row.id,
        level: skill.level ?? 'intermediate',
        evidence: skill.evidence ?? 'trained',
      })
      .execute();
  }
  const consent = options.consent;
  if (consent && ((consent.organizationIds?.length ?? 0) > 0 || (consent.kinds?.length ?? 0) > 0))
    await giveConsent(db, person.id, consent);
  return person;
}
