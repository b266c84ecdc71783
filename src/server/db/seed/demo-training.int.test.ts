import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { DEMO_PASSWORD } from '../../../shared/vocabulary.ts';
import type { Database } from '../schema.ts';
import { DEMO_HISTORY_COHORT_IDS } from './demo-history.ts';
import { programToday } from './demo-people.ts';
import {
  DEMO_BLK_ID,
  DEMO_TRAINING_PROGRAMS,
  planDemoTraining,
  scheduledSessions,
  trainingCandidates,
} from './demo-training.ts';
import { LAPAS_ID } from './reference.ts';

// The program's history (demo-history.ts) adds three past cohorts of women anonymized since: these tests look
// at the demo's own cohorts and women.
const HISTORY_COHORTS = Object.values(DEMO_HISTORY_COHORT_IDS);
let t: TestApp;
let db: Kysely<Database>;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  db = t.database.db;
});
afterAll(() => t.close());

async function cohorts() {
  return db
    .selectFrom('training_cohort')
    .innerJoin('training_program', 'training_program.id', 'training_cohort.program_id')
    .select([
      'training_cohort.id',
      'training_cohort.name',
      'training_cohort.status',
      'training_cohort.start_date',
      'training_cohort.end_date',
      'training_cohort.schedule',
      'training_cohort.instructor_user_id',
      'training_cohort.completed_on',
      'training_program.id as program_id',
      'training_program.name as program_name',
      'training_program.certification',
    ])
    .where('training_cohort.id', 'not in', HISTORY_COHORTS)
    .orderBy('training_cohort.start_date')
    .execute();
}

async function cohortNamed(prefix: string) {
  const found = (await cohorts()).find((c) => c.name.startsWith(prefix));
  if (!found) throw new Error(`no cohort ${prefix}`);
  return found;
}

async function enrolmentsOf(cohortId: string) {
  return db.selectFrom('training_enrolment').selectAll().where('cohort_id', '=', cohortId).execute();
}

async function sessionsOf(cohortId: string) {
  return db
    .selectFrom('training_session')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .orderBy('date')
    .execute();
}

async function attendanceOf(cohortId: string) {
  return db
    .selectFrom('training_attendance')
    .innerJoin('training_session', 'training_session.id', 'training_attendance.session_id')
    .select([
      'training_attendance.session_id',
      'training_attendance.enrolment_id',
      'training_attendance.present',
      'training_attendance.absence_reason',
      'training_session.date',
    ])
    .where('training_session.cohort_id', '=', cohortId)
    .execute();
}

describe('demo training', () => {
  it('keeps a catalogue of the programs LPP Semarang runs or could run, tied to the skills taxonomy', async () => {
    const programs = await db.selectFrom('training_program').selectAll().orderBy('name').execute();
    expect(programs.map((p) => p.name).sort()).toEqual(DEMO_TRAINING_PROGRAMS.map((p) => p.name).sort());
    expect(programs.every((p) => p.organization_id === LAPAS_ID)).toBe(true);
    for (const program of programs) {
      const skills = await db
        .selectFrom('training_program_skill')
        .selectAll()
        .where('program_id', '=', program.id)
        .execute();
      const units = await db
        .selectFrom('training_unit')
        .selectAll()
        .where('program_id', '=', program.id)
        .execute();
      const instructors = await db
        .selectFrom('training_program_instructor')
        .selectAll()
        .where('program_id', '=', program.id)
        .execute();
      expect(skills.length, program.name).toBeGreaterThan(0);
      expect(units.length, program.name).toBeGreaterThanOrEqual(3);
      expect(units.length, program.name).toBeLessThanOrEqual(5);
      expect(units.map((u) => u.position).sort()).toEqual(units.map((_, index) => index + 1));
      expect(instructors.length, program.name).toBeGreaterThan(0);
    }
    const batik = programs.find((p) => p.name.startsWith('Membatik'));
    const sewing = programs.find((p) => p.name.startsWith('Menjahit'));
    expect(batik).toMatchObject({ provider_organization_id: LAPAS_ID, certification: 'none' });
    expect(sewing).toMatchObject({ provider_organization_id: DEMO_BLK_ID, certification: 'lsp_bnsp' });
    expect(sewing?.eligibility).toEqual({ minDaysLeftToServe: null, minBehaviourScore: 65 });
    const blk = await db
      .selectFrom('organization')
      .selectAll()
      .where('id', '=', DEMO_BLK_ID)
      .executeTakeFirstOrThrow();
    expect(blk).toMatchObject({ kind: 'partner', short_name: 'BLK Kota Semarang' });
  });

  it('has two completed cohorts, one running and one enrolling, with sessions on their weekly schedule', async () => {
    const all = await cohorts();
    expect(all.map((c) => [c.name.replace(/ \d{4}$/, ''), c.status])).toEqual([
      ['Membatik Angkatan I', 'completed'],
      ['Menjahit Angkatan I', 'completed'],
      ['Tata Rias Angkatan II', 'running'],
      ['Tata Boga Angkatan III', 'enrolling'],
    ]);
    const today = programToday();
    for (const cohort of all) {
      const sessions = await sessionsOf(cohort.id);
      expect(sessions.map((s) => [s.date, s.start_time, s.end_time])).toEqual(
        scheduledSessions(cohort.start_date, cohort.end_date, cohort.schedule).map((s) => [
          s.date,
          s.start,
          s.end,
        ]),
      );
      if (cohort.status === 'completed') {
        expect(cohort.end_date < today).toBe(true);
        expect(cohort.completed_on).toBe(cohort.end_date);
      }
    }
    const running = all.find((c) => c.status === 'running');
    expect(running && running.start_date < today && running.end_date > today).toBe(true);
    const enrolling = all.find((c) => c.status === 'enrolling');
    expect(enrolling && enrolling.start_date > today).toBe(true);
    const cancelled = await db
      .selectFrom('training_session')
      .selectAll()
      .where('status', '=', 'cancelled')
      .execute();
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]?.cancel_reason).toBeTruthy();
  });

  it('records attendance for every held session and a result for every unit in the completed cohorts', async () => {
    let absences = 0;
    for (const prefix of ['Membatik', 'Menjahit']) {
      const cohort = await cohortNamed(prefix);
      const enrolments = await enrolmentsOf(cohort.id);
      const completed = enrolments.filter((e) => e.status === 'completed');
      expect(completed.length, prefix).toBeGreaterThanOrEqual(8);
      expect(completed.length, prefix).toBeLessThanOrEqual(12);
      expect(completed.every((e) => e.end_reason === 'completed' && e.ended_on === cohort.end_date)).toBe(
        true,
      );
      const held = (await sessionsOf(cohort.id)).filter((s) => s.status === 'scheduled');
      expect(held.every((s) => s.attendance_recorded_at !== null)).toBe(true);
      const marks = await attendanceOf(cohort.id);
      const marked = new Set(marks.map((m) => `${m.session_id}/${m.enrolment_id}`));
      for (const enrolment of completed) {
        for (const session of held) expect(marked.has(`${session.id}/${enrolment.id}`)).toBe(true);
      }
      // Someone who left half way has marks only for the sessions before she left.
      for (const left of enrolments.filter((e) => e.status === 'deallocated')) {
        expect(left.end_reason).toBe('health');
        const hers = marks.filter((m) => m.enrolment_id === left.id);
        expect(hers.length).toBeGreaterThan(0);
        expect(hers.every((m) => m.date < (left.ended_on as string))).toBe(true);
      }
      const absent = marks.filter((m) => !m.present);
      expect(absent.every((m) => m.absence_reason !== null)).toBe(true);
      expect(absent.length).toBeLessThan(marks.length / 4);
      absences += absent.length;

      const units = await db
        .selectFrom('training_unit')
        .select('id')
        .where('program_id', '=', cohort.program_id)
        .execute();
      const results = await db
        .selectFrom('training_assessment')
        .selectAll()
        .where(
          'enrolment_id',
          'in',
          completed.map((e) => e.id),
        )
        .execute();
      expect(results).toHaveLength(completed.length * units.length);
      for (const enrolment of completed) {
        expect(
          results
            .filter((r) => r.enrolment_id === enrolment.id)
            .map((r) => r.unit_id)
            .sort(),
        ).toEqual(units.map((u) => u.id).sort());
      }
      const competent = results.filter((r) => r.result === 'competent').length;
      expect(competent).toBeGreaterThan(results.length * 0.9);
      expect(
        results.every((r) => r.assessed_on >= cohort.start_date && r.assessed_on <= cohort.end_date),
      ).toBe(true);
    }
    expect(absences).toBeGreaterThan(0);
  });

  it('certifies the sewing cohort through the LSP and raises the women’s skills with their evidence', async () => {
    const sewing = await cohortNamed('Menjahit');
    const completed = (await enrolmentsOf(sewing.id)).filter((e) => e.status === 'completed');
    const results = await db
      .selectFrom('training_assessment')
      .selectAll()
      .where(
        'enrolment_id',
        'in',
        completed.map((e) => e.id),
      )
      .execute();
    const allCompetent = completed.filter((e) =>
      results.filter((r) => r.enrolment_id === e.id).every((r) => r.result === 'competent'),
    );
    expect(allCompetent.length).toBeLessThan(completed.length);
    const certificates = await db
      .selectFrom('certificate')
      .selectAll()
      .where('person_id', 'in', (eb) =>
        eb.selectFrom('person').select('id').where('anonymized_at', 'is', null),
      )
      .execute();
    expect(certificates.map((c) => c.enrolment_id).sort()).toEqual(allCompetent.map((e) => e.id).sort());
    const sewingSkill = await db
      .selectFrom('skill')
      .select('id')
      .where('code', '=', 'garment.sewing')
      .executeTakeFirstOrThrow();
    for (const certificate of certificates) {
      expect(certificate.number).toMatch(/^LSP-GMT\/\d{4}\/\d{6}$/);
      expect(certificate).toMatchObject({
        skill_id: sewingSkill.id,
        level: 'competent',
        issuer: 'LSP Garmen Nusantara',
      });
      const skill = await db
        .selectFrom('person_skill')
        .selectAll()
        .where('person_id', '=', certificate.person_id)
        .where('skill_id', '=', sewingSkill.id)
        .execute();
      expect(skill).toEqual([
        expect.objectContaining({
          evidence: 'certified',
          level: 'competent',
          certificate_id: certificate.id,
        }),
      ]);
    }
    // Everyone who completed a cohort holds its skills at least as trained, from that cohort or stronger.
    const batik = await cohortNamed('Membatik');
    const batikSkill = await db
      .selectFrom('skill')
      .select('id')
      .where('code', '=', 'batik.written')
      .executeTakeFirstOrThrow();
    const batikDone = (await enrolmentsOf(batik.id)).filter((e) => e.status === 'completed');
    const batikSkills = await db
      .selectFrom('person_skill')
      .selectAll()
      .where('skill_id', '=', batikSkill.id)
      .where(
        'person_id',
        'in',
        batikDone.map((e) => e.person_id),
      )
      .execute();
    expect(new Set(batikSkills.map((s) => s.person_id)).size).toBe(batikDone.length);
    expect(batikSkills.every((s) => s.evidence === 'trained' || s.evidence === 'assessed')).toBe(true);
    expect(batikSkills.filter((s) => s.evidence === 'assessed').length).toBe(batikDone.length - 1);
    expect(batikSkills.every((s) => s.cohort_id === batik.id && s.level === 'intermediate')).toBe(true);

    // Their timelines say so, for whoever may see them.
    const events = await db
      .selectFrom('person_event')
      .selectAll()
      .where('kind', 'in', ['training.completed', 'certificate.added'])
      .where('person_id', 'in', (eb) =>
        eb.selectFrom('person').select('id').where('anonymized_at', 'is', null),
      )
      .execute();
    const completions = events.filter((e) => e.kind === 'training.completed');
    expect(completions).toHaveLength(batikDone.length + completed.length);
    expect(events.filter((e) => e.kind === 'certificate.added')).toHaveLength(certificates.length);
    expect(events.every((e) => e.visibility === 'shared')).toBe(true);
    expect(completions.map((e) => e.details.cohortName)).toContain(sewing.name);
  });

  it('lets the BLK instructor sign in; she teaches only the running cohort, recorded up to today', async () => {
    const session = await signIn(t.app, 'instruktur', DEMO_PASSWORD);
    const me = (await session.request({ method: 'GET', url: '/api/me' })).json();
    expect(me.roles).toEqual(['partner_staff']);
    expect(me.organization.id).toBe(DEMO_BLK_ID);
    const hers = await db
      .selectFrom('training_cohort')
      .select(['name', 'status'])
      .where('instructor_user_id', '=', me.user.id)
      .execute();
    expect(hers).toHaveLength(1);
    expect(hers[0]).toMatchObject({ status: 'running' });
    expect(hers[0]?.name).toMatch(/^Tata Rias Angkatan II/);

    const running = await cohortNamed('Tata Rias');
    const allocated = (await enrolmentsOf(running.id)).filter((e) => e.status === 'allocated');
    expect(allocated.length).toBeGreaterThanOrEqual(8);
    const today = programToday();
    const sessions = await sessionsOf(running.id);
    const past = sessions.filter((s) => s.date < today);
    expect(past.length).toBeGreaterThan(0);
    expect(sessions.some((s) => s.date > today)).toBe(true);
    const marks = await attendanceOf(running.id);
    expect(marks).toHaveLength(past.length * allocated.length);
    expect(marks.every((m) => m.date < today)).toBe(true);
    expect(past.every((s) => s.attendance_recorded_by === me.user.id)).toBe(true);
  });

  it('opens the catering cohort for enrolment, with women allocated and a waitlist for the program', async () => {
    const cooking = await cohortNamed('Tata Boga');
    const allocated = await enrolmentsOf(cooking.id);
    expect(allocated.length).toBeGreaterThanOrEqual(5);
    expect(allocated.every((e) => e.status === 'allocated')).toBe(true);
    const entries = await db
      .selectFrom('training_enrolment')
      .selectAll()
      .where('program_id', '=', cooking.program_id)
      .where('cohort_id', 'is', null)
      .execute();
    const waiting = entries.filter((e) => e.status === 'pending' || e.status === 'approved');
    expect(new Set(waiting.map((e) => e.status))).toEqual(new Set(['pending', 'approved']));
    expect(new Set(waiting.map((e) => e.source))).toEqual(new Set(['self_request', 'staff_referral']));
    const declined = entries.filter((e) => e.status === 'declined');
    expect(declined).toHaveLength(1);
    expect(declined[0]?.decision_reason).toBeTruthy();
    // One open entry per woman and program.
    const open = [...allocated, ...waiting].map((e) => e.person_id);
    expect(new Set(open).size).toBe(open.length);
  });

  it('places only women held by the prison, in custody and not anonymized, who stay past the cohort’s end', async () => {
    const rows = await db
      .selectFrom('training_enrolment')
      .innerJoin('person', 'person.id', 'training_enrolment.person_id')
      .innerJoin('training_cohort', 'training_cohort.id', 'training_enrolment.cohort_id')
      .select([
        'person.organization_id',
        'person.released_on',
        'person.anonymized_at',
        'person.release_date',
        'training_cohort.end_date',
      ])
      .where('training_cohort.id', 'not in', HISTORY_COHORTS)
      .execute();
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      expect(row.organization_id).toBe(LAPAS_ID);
      expect(row.released_on).toBeNull();
      expect(row.anonymized_at).toBeNull();
      expect((row.release_date as string) > row.end_date).toBe(true);
    }
  });

  it('maps the women’s self-reported skills onto the taxonomy', async () => {
    const selfReported = await db
      .selectFrom('person_skill')
      .select(['name', 'skill_id'])
      .where('evidence', '=', 'self_reported')
      .execute();
    expect(selfReported.length).toBeGreaterThan(0);
    expect(selfReported.filter((s) => s.skill_id === null)).toEqual([]);
  });

  it('plans the same training from the same day, women and seed', async () => {
    const skills = await db.selectFrom('skill').select(['id', 'code', 'name_id']).execute();
    const users = await db
      .selectFrom('app_user')
      .select(['id', 'username', 'full_name'])
      .where('username', 'in', ['lapas.giatja', 'instruktur'])
      .execute();
    const user = (username: string) => {
      const found = users.find((u) => u.username === username);
      return { id: found?.id as string, name: found?.full_name as string };
    };
    const input = {
      today: '2026-12-01',
      candidates: await trainingCandidates(db),
      skills: new Map(skills.map((s) => [s.code, { id: s.id, name: s.name_id }])),
      users: { 'lapas.giatja': user('lapas.giatja'), instruktur: user('instruktur') },
    };
    const first = planDemoTraining(input);
    expect(planDemoTraining(input)).toEqual(first);
    const rows = Object.values(first)
      .filter(Array.isArray)
      .reduce((sum, list) => sum + list.length, 0);
    expect(rows).toBeLessThan(1500);
  });
});
