import { type Kysely, sql } from 'kysely';
import type { Database, SkillLevelValue } from '../../db/schema.ts';

type Db = Kysely<Database>;

export type SkillEvidence = 'self_reported' | 'trained' | 'assessed' | 'certified';
const EVIDENCE_RANK: Record<SkillEvidence, number> = {
  self_reported: 0,
  trained: 1,
  assessed: 2,
  certified: 3,
};
const LEVEL_RANK: Record<SkillLevelValue, number> = { basic: 0, intermediate: 1, competent: 2 };

/**
 * Raises a person's skill to the given evidence and level (completing a cohort: trained; all units
 * competent: assessed; a certificate: certified). Evidence never goes down: a weaker record leaves a
 * stronger one as it is. The level goes with the evidence that shows it: raised from a self-report it
 * becomes the new level; between earned records (trained and above) the higher level stays, so a
 * certificate at "basic" does not undo an assessment at "competent". One row per person and taxonomy skill
 * (a unique index) carries the best evidence; a self-reported row of the same skill is raised in place.
 * Call it inside the transaction of the change that earns the evidence.
 */
export async function raisePersonSkill(
  db: Db,
  input: {
    personId: string;
    organizationId: string;
    skillId: string;
    level: SkillLevelValue;
    evidence: Exclude<SkillEvidence, 'self_reported'>;
    cohortId?: string | null;
    certificateId?: string | null;
  },
): Promise<void> {
  const skill = await db
    .selectFrom('skill')
    .select(['name_id', 'sector'])
    .where('id', '=', input.skillId)
    .executeTakeFirstOrThrow();
  // Two officers completing and certifying at once: one inserts, the other finds the row and raises it.
  const inserted = await db
    .insertInto('person_skill')
    .values({
      person_id: input.personId,
      organization_id: input.organizationId,
      skill_id: input.skillId,
      name: skill.name_id,
      sector: skill.sector,
      level: input.level,
      evidence: input.evidence,
      cohort_id: input.cohortId ?? null,
      certificate_id: input.certificateId ?? null,
    })
    .onConflict((oc) => oc.columns(['person_id', 'skill_id']).where('skill_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return;
  const held = await db
    .selectFrom('person_skill')
    .select(['id', 'level', 'evidence'])
    .where('person_id', '=', input.personId)
    .where('skill_id', '=', input.skillId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const stronger = EVIDENCE_RANK[input.evidence] > EVIDENCE_RANK[held.evidence];
  const higher = LEVEL_RANK[input.level] > LEVEL_RANK[held.level];
  if (!stronger && !(EVIDENCE_RANK[input.evidence] === EVIDENCE_RANK[held.evidence] && higher)) return;
  const level = held.evidence === 'self_reported' || higher ? input.level : held.level;
  await db
    .updateTable('person_skill')
    .set({
      name: skill.name_id,
      sector: skill.sector,
      level,
      evidence: stronger ? input.evidence : held.evidence,
      cohort_id: input.cohortId ?? null,
      certificate_id: input.certificateId ?? null,
      updated_at: sql`now()`,
    })
    .where('id', '=', held.id)
    .execute();
}
