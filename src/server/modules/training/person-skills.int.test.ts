import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../../tests/factories/people.ts';
import { skillByCode } from '../../../../tests/factories/training.ts';
import { createTestDatabase } from '../../../../tests/support/database.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { LAPAS_ID } from '../../db/seed/reference.ts';
import { raisePersonSkill } from './person-skills.repository.ts';

let database: DatabaseHandle;
let sewing: string;
beforeAll(async () => {
  database = await createTestDatabase();
  sewing = (await skillByCode(database.db, 'garment.sewing')).id;
});
afterAll(() => database.close());

async function skillsOf(personId: string) {
  return database.db
    .selectFrom('person_skill')
    .select(['skill_id', 'name', 'level', 'evidence'])
    .where('person_id', '=', personId)
    .execute();
}

const raise = (
  personId: string,
  evidence: 'trained' | 'assessed' | 'certified',
  level: 'basic' | 'competent',
) => raisePersonSkill(database.db, { personId, organizationId: LAPAS_ID, skillId: sewing, evidence, level });

describe('raising a person skill along the evidence ladder', () => {
  it('raises a self-report in place, never lowers evidence, and keeps the higher earned level', async () => {
    const person = await createPerson(database.db, { skills: ['jahit'] });
    // The factory's self-reported skill is free text: map it as the people form would.
    await database.db
      .updateTable('person_skill')
      .set({ skill_id: sewing, level: 'competent' })
      .where('person_id', '=', person.id)
      .execute();

    await raise(person.id, 'trained', 'basic');
    // From a self-report, the earned level replaces the claimed one.
    expect(await skillsOf(person.id)).toEqual([
      { skill_id: sewing, name: 'Menjahit', level: 'basic', evidence: 'trained' },
    ]);

    await raise(person.id, 'assessed', 'competent');
    await raise(person.id, 'trained', 'competent');
    // A certificate at a lower level raises the evidence but does not undo the assessed level.
    await raise(person.id, 'certified', 'basic');
    expect(await skillsOf(person.id)).toEqual([
      { skill_id: sewing, name: 'Menjahit', level: 'competent', evidence: 'certified' },
    ]);
  });

  it('keeps one row per person and skill when two raises race', async () => {
    const person = await createPerson(database.db, { skills: [] });
    await Promise.all([
      database.db.transaction().execute((trx) =>
        raisePersonSkill(trx, {
          personId: person.id,
          organizationId: LAPAS_ID,
          skillId: sewing,
          evidence: 'trained',
          level: 'basic',
        }),
      ),
      database.db.transaction().execute((trx) =>
        raisePersonSkill(trx, {
          personId: person.id,
          organizationId: LAPAS_ID,
          skillId: sewing,
          evidence: 'certified',
          level: 'competent',
        }),
      ),
    ]);
    expect(await skillsOf(person.id)).toEqual([
      { skill_id: sewing, name: 'Menjahit', level: 'competent', evidence: 'certified' },
    ]);
  });
});
