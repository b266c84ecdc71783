import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database, OpportunityKindValue, SkillLevelValue } from '../../src/server/db/schema.ts';
import { createOrganization } from './index.ts';
import { villageByCode } from './villages.ts';

const unique = () => randomBytes(3).toString('hex');

/**
 * An opportunity written straight to the database (so tests of other modules need not go through the
 * opportunities API): an open job vacancy by default, 3 places, in Krobokan, for a new partner organization
 * when none is given, asking for the given skills (taxonomy codes or ids; sewing at basic level when none
 * are given, `[]` for none).
 */
export async function createOpportunity(
  db: Kysely<Database>,
  overrides: Partial<{
    partnerId: string;
    villageId: string;
    kind: OpportunityKindValue;
    title: string;
    sector: string;
    status: 'draft' | 'open' | 'filled' | 'closed';
    places: number;
    startOn: string;
    closesOn: string | null;
    restrictedOffences: string[];
    restrictionNote: string | null;
    openToAsimilasi: boolean;
    createdBy: string | null;
    skills: { code?: string; skillId?: string; minLevel?: SkillLevelValue; essential?: boolean }[];
  }> = {},
) {
  const partnerId = overrides.partnerId ?? (await createOrganization(db, { kind: 'partner' })).id;
  const villageId = overrides.villageId ?? (await villageByCode(db, '33.74.13.1013')).id;
  const status = overrides.status ?? 'open';
  const opportunity = await db
    .insertInto('opportunity')
    .values({
      partner_id: partnerId,
      village_id: villageId,
      kind: overrides.kind ?? 'job_vacancy',
      title: overrides.title ?? `Peluang Uji ${unique()}`,
      sector: overrides.sector ?? 'garment',
      places: overrides.places ?? 3,
      start_on: overrides.startOn ?? '2026-01-05',
      closes_on: overrides.closesOn ?? null,
      open_to_asimilasi: overrides.openToAsimilasi ?? false,
      restricted_offences: JSON.stringify(overrides.restrictedOffences ?? []),
      restriction_note: overrides.restrictionNote ?? null,
      status,
      status_reason: status === 'closed' ? 'Ditutup oleh uji' : null,
      created_by: overrides.createdBy ?? null,
      ...(status !== 'draft' && { opened_at: sql<Date>`now()` }),
    })
    .returning(['id', 'partner_id', 'village_id', 'title', 'status', 'places', 'version'])
    .executeTakeFirstOrThrow();
  let position = 0;
  for (const skill of overrides.skills ?? [{ code: 'garment.sewing' }]) {
    position += 1;
    const skillId =
      skill.skillId ??
      (
        await db
          .selectFrom('skill')
          .select('id')
          .where('code', '=', skill.code ?? '')
          .executeTakeFirstOrThrow()
      ).id;
    await db
      .insertInto('opportunity_skill')
      .values({
        opportunity_id: opportunity.id,
        skill_id: skillId,
        min_level: skill.minLevel ?? 'basic',
        essential: skill.essential ?? true,
        position,
      })
      .execute();
  }
  return opportunity;
}
