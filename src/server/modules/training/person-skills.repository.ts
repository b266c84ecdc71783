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
 * stronger one as it is; at equal evidence the higher level stays. One row per person and taxonomy skill
 * carries the best evidence; a self-reported row of the same skill is raised in place.
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
  // Lock the person's rows of this skill: two officers completing and certifying at once must not both insert.
  const rows = await db
    .selectFrom('person_skill')
    .select(['id', 'level', 'evidence'])
    .where('person_id', '=', input.personId)
    .where('skill_id', '=', input.skillId)
    .forUpdate()
    .execute();
  const best = rows.sort(
    (a, b) =>
      EVIDENCE_RANK[b.evidence] - EVIDENCE_RANK[a.evidence] || LEVEL_RANK[b.level] - LEVEL_RANK[a.level],
  )[0];
  if (!best) {
    await db
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
      .execute();
    return;
  }
  const stronger = EVIDENCE_RANK[input.evidence] > EVIDENCE_RANK[best.evidence];
  const equalHigher =
    EVIDENCE_RANK[input.evidence] === EVIDENCE_RANK[best.evidence] &&
    LEVEL_RANK[input.level] > LEVEL_RANK[best.level];
  if (!stronger && !equalHigher) return;
  await db
    .updateTable('person_skill')
    .set({
      name: skill.name_id,
      sector: skill.sector,
      level: input.level,
      evidence: input.evidence,
      cohort_id: input.cohortId ?? null,
      certificate_id: input.certificateId ?? null,
      updated_at: sql`now()`,
    })
    .where('id', '=', best.id)
    .execute();
  // Other rows of the same skill (an older self-report) are superseded by the raised one.
  const others = rows.filter((row) => row.id !== best.id).map((row) => row.id);
  if (others.length) await db.deleteFrom('person_skill').where('id', 'in', others).execute();
}
