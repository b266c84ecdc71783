import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { forbidden } from '../../../platform/errors.ts';
import { personAccess } from '../../people/people.access.ts';
import { presentPersonTraining } from './person-training.presenter.ts';
import { findPersonSkills, findTrainingHistory } from './person-training.repository.ts';

type Db = Kysely<Database>;

/**
 * A person's skills with their evidence and her training history. Corrections staff see everything;
 * anyone else only under a consent giving `skills_training`, and then only skills evidenced by training
 * and completed trainings, without attendance.
 */
export async function get(db: Db, ctx: RequestContext, personId: string) {
  const access = await personAccess(db, ctx, personId);
  const full = access.corrections;
  if (!full && !access.groups.includes('skills_training')) throw forbidden();
  const [skills, history] = await Promise.all([
    findPersonSkills(db, personId, { evidencedOnly: !full, corrections: full }),
    findTrainingHistory(db, personId, { completedOnly: !full }),
  ]);
  const canRequest =
    ctx.principal.permissions.includes('manage:training:organization') &&
    access.organizationId === ctx.principal.organizationId &&
    !access.anonymized;
  await audit(db, ctx, {
    action: 'person.training_viewed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
    details: { skills: skills.length, enrolments: history.map((row) => row.id), full },
  });
  return presentPersonTraining(skills, history, { corrections: full, canRequest });
}
