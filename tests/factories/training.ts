import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CohortScheduleSlot, Database, SkillLevelValue } from '../../src/server/db/schema.ts';
import { LAPAS_ID } from '../../src/server/db/seed/reference.ts';
import { today } from '../../src/server/platform/calendar.ts';

const unique = () => randomBytes(3).toString('hex');

/** A seeded taxonomy skill by code (e.g. 'garment.sewing'). */
export async function skillByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('skill').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
}

/** A program of LPP Semarang (by default) teaching sewing to `competent`, with two competency units. */
export async function createProgram(
  db: Kysely<Database>,
  overrides: Partial<{
    organizationId: string;
    providerOrganizationId: string;
    name: string;
    skillCodes: string[];
    level: SkillLevelValue;
    sessionsCount: number;
    defaultCapacity: number;
    certification: 'none' | 'lsp_bnsp' | 'provider';
    eligibility: { minDaysLeftToServe?: number | null; minBehaviourScore?: number | null };
  }> = {},
) {
  const organizationId = overrides.organizationId ?? LAPAS_ID;
  const program = await db
    .insertInto('training_program')
    .values({
      organization_id: organizationId,
      provider_organization_id: overrides.providerOrganizationId ?? organizationId,
      name: overrides.name ?? `Program Uji ${unique()}`,
      sessions_count: overrides.sessionsCount ?? 8,
      hours_total: 16,
      default_capacity: overrides.defaultCapacity ?? 20,
      certification: overrides.certification ?? 'none',
      eligibility: JSON.stringify(overrides.eligibility ?? {}),
    })
    .returning(['id', 'name', 'organization_id'])
    .executeTakeFirstOrThrow();
  const skills = [];
  for (const code of overrides.skillCodes ?? ['garment.sewing']) {
    const skill = await skillByCode(db, code);
    skills.push(skill);
    await db
      .insertInto('training_program_skill')
      .values({ program_id: program.id, skill_id: skill.id, level: overrides.level ?? 'competent' })
      .execute();
  }
  const units = await db
    .insertInto('training_unit')
    .values([
      {
        program_id: program.id,
        skill_id: skills[0]?.id ?? null,
        code: 'U-01',
        title: 'Unit uji satu',
        position: 1,
      },
      {
        program_id: program.id,
        skill_id: skills[0]?.id ?? null,
        code: 'U-02',
        title: 'Unit uji dua',
        position: 2,
      },
    ])
    .returning(['id', 'code', 'title'])
    .execute();
  return { ...program, skills, units };
}

/**
 * A cohort of a program with one session per given date (09:00–12:00), status `running` by default.
 * Dates are 'yyyy-mm-dd'; start and end default to the first and last session date.
 */
export async function createCohort(
  db: Kysely<Database>,
  programId: string,
  overrides: Partial<{
    organizationId: string;
    name: string;
    sessionDates: string[];
    startDate: string;
    endDate: string;
    schedule: CohortScheduleSlot[];
    capacity: number;
    status: 'planned' | 'enrolling' | 'running' | 'completed' | 'cancelled';
    instructorUserId: string | null;
  }> = {},
) {
  const organizationId = overrides.organizationId ?? LAPAS_ID;
  const dates = overrides.sessionDates ?? [];
  const startDate = overrides.startDate ?? dates[0] ?? '2026-11-02';
  const endDate = overrides.endDate ?? dates.at(-1) ?? '2026-12-31';
  const cohort = await db
    .insertInto('training_cohort')
    .values({
      organization_id: organizationId,
      program_id: programId,
      name: overrides.name ?? `Angkatan Uji ${unique()}`,
      start_date: startDate,
      end_date: endDate,
      schedule: JSON.stringify(overrides.schedule ?? [{ weekday: 1, start: '09:00', end: '12:00' }]),
      capacity: overrides.capacity ?? 20,
      status: overrides.status ?? 'running',
      instructor_user_id: overrides.instructorUserId ?? null,
      instructor_name: overrides.instructorUserId ? null : 'Instruktur Uji',
    })
    .returning(['id', 'name', 'organization_id', 'program_id'])
    .executeTakeFirstOrThrow();
  const sessions = dates.length
    ? await db
        .insertInto('training_session')
        .values(
          dates.map((date) => ({
            cohort_id: cohort.id,
            organization_id: organizationId,
            date,
            start_time: '09:00',
            end_time: '12:00',
            // Entered in time (not after the fact), so the 7-day lock counts from the session's date.
            created_on: [date, today()].sort()[0],
          })),
        )
        .returning(['id', 'date'])
        .execute()
    : [];
  return { ...cohort, sessions };
}

/** An enrolment of a person in a program; allocated to the cohort when one is given. */
export async function enrol(
  db: Kysely<Database>,
  input: { personId: string; programId: string; cohortId?: string; organizationId?: string },
) {
  return db
    .insertInto('training_enrolment')
    .values({
      organization_id: input.organizationId ?? LAPAS_ID,
      person_id: input.personId,
      program_id: input.programId,
      cohort_id: input.cohortId ?? null,
      source: 'staff_referral',
      status: input.cohortId ? 'allocated' : 'pending',
      requested_on: '2026-10-01',
      allocated_at: input.cohortId ? new Date() : null,
    })
    .returning(['id', 'person_id', 'status'])
    .executeTakeFirstOrThrow();
}

/**
 * Attendance of one session written straight to the database (for data older than the recording window):
 * present unless the enrolment is in `absent` (reason sick by default); stamps the session as recorded.
 */
export async function markAttendance(
  db: Kysely<Database>,
  input: {
    sessionId: string;
    enrolmentIds: string[];
    absent?: Record<string, 'sick' | 'family_visit' | 'court' | 'refused' | 'other'>;
    organizationId?: string;
    recordedBy?: string | null;
  },
) {
  const organizationId = input.organizationId ?? LAPAS_ID;
  if (input.enrolmentIds.length)
    await db
      .insertInto('training_attendance')
      .values(
        input.enrolmentIds.map((enrolmentId) => {
          const reason = input.absent?.[enrolmentId] ?? null;
          return {
            session_id: input.sessionId,
            enrolment_id: enrolmentId,
            organization_id: organizationId,
            present: reason === null,
            absence_reason: reason,
            note: reason === 'other' ? 'Catatan uji' : null,
            recorded_by: input.recordedBy ?? null,
          };
        }),
      )
      .onConflict((oc) =>
        oc.columns(['session_id', 'enrolment_id']).doUpdateSet({
          present: (eb) => eb.ref('excluded.present'),
          absence_reason: (eb) => eb.ref('excluded.absence_reason'),
          note: (eb) => eb.ref('excluded.note'),
        }),
      )
      .execute();
  await db
    .updateTable('training_session')
    .set({ attendance_recorded_at: new Date(), attendance_recorded_by: input.recordedBy ?? null })
    .where('id', '=', input.sessionId)
    .execute();
}
