import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../../../../tests/factories/agreements.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createOpportunity } from '../../../../tests/factories/opportunities.ts';
import { createPerson } from '../../../../tests/factories/people.ts';
import { createPlacement } from '../../../../tests/factories/placements.ts';
import { createCohort, createProgram, skillByCode } from '../../../../tests/factories/training.ts';
import { createWorkPlan } from '../../../../tests/factories/workplans.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type {
  SaveWorkPlanActivityRequest,
  WorkPlan,
  WorkPlanList,
  WorkPlanOptions,
  WorkPlanTimeline,
} from '../../../shared/workplans.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { visibleWorkPlanSql, workPlanPartySql } from './workplans.access.ts';
import { workPlanDocument } from './workplans.pdf.ts';
import { systemFigures } from './workplans.repository.ts';

// Program teknis through the API: a plan under an agreement the caller's organization is a party of, its
// activities (dates inside the period, budget with its source) and targets (actual counted by the system over
// the period), who sees and who edits, versions, the PDF and XLSX, and the audit trail.

let t: TestApp;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};
let agreementId: string;
/** An agreement of other organizations: the prison is not a party. */
let foreignAgreementId: string;
let outsiderOrg: string;
/** An organization of the directory with no other part in these plans. */
let directoryOrg: string;
let foreignCohortId: string;
let lapasCohortId: string;

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  outsiderOrg = (await createOrganization(db, { kind: 'partner', name: 'Mitra Luar Uji' })).id;
  directoryOrg = (await createOrganization(db, { kind: 'partner', name: 'Mitra Direktori Uji' })).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('camat', KECAMATAN_ID, ['district_staff']);
  await user('outsider', outsiderOrg, ['partner_staff']);
  await user('viewer', LAPAS_ID, ['viewer']);
  await user('admin', LAPAS_ID, ['system_admin']);
  agreementId = (
    await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [BAPAS_ID],
      status: 'signed',
      title: 'MoU Pembinaan Kemandirian Warga Binaan Perempuan',
    })
  ).id;
  foreignAgreementId = (await createAgreement(db, { organizationId: outsiderOrg, partyIds: [BAPAS_ID] })).id;
  const program = await createProgram(db);
  lapasCohortId = (await createCohort(db, program.id, { name: 'Angkatan Menjahit I' })).id;
  const outsiderProgram = await createProgram(db, { organizationId: outsiderOrg });
  foreignCohortId = (await createCohort(db, outsiderProgram.id, { organizationId: outsiderOrg })).id;
});
afterAll(() => t.close());

const session = (name: string) => as[name] as Session;
const call = (name: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  session(name).request({ method, url, ...(payload && { payload }) });

async function auditRows(action: string, subjectId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'subject_type', 'subject_organization_id', 'details'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
}

const PERIOD = { periodStart: '2026-01-01', periodEnd: '2026-06-30' };

async function newPlan(name = 'binadik', overrides: object = {}) {
  const response = await call(name, 'POST', '/api/work-plans', {
    agreementId,
    title: 'Program Teknis Desa Binaan 2026',
    objectives: 'Kemandirian ekonomi perempuan mantan warga binaan di Semarang Barat.',
    ...PERIOD,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as WorkPlan;
}

const activity = (overrides: Partial<SaveWorkPlanActivityRequest> = {}): SaveWorkPlanActivityRequest => ({
  kind: 'training_cohort',
  title: 'Pelatihan menjahit angkatan I',
  responsibleOrganizationId: LAPAS_ID,
  location: 'Bengkel kerja Lapas',
  startsOn: '2026-02-02',
  endsOn: '2026-03-27',
  budgetAmount: 15_000_000,
  budgetSource: 'apbn',
  ...overrides,
});

async function addActivity(plan: WorkPlan, overrides: Partial<SaveWorkPlanActivityRequest> = {}) {
  const response = await call(
    'binadik',
    'POST',
    `/api/work-plans/${plan.id}/activities`,
    activity(overrides),
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as WorkPlan;
}

describe('creating and editing a plan', () => {
  it('creates a plan under an agreement of a party, audited, and reads it back', async () => {
    const plan = await newPlan();
    expect(plan).toMatchObject({
      title: 'Program Teknis Desa Binaan 2026',
      status: 'draft',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      organization: { id: LAPAS_ID },
      // The effective status: signed, and today inside 2026-01-01 – 2028-12-31.
      agreement: { id: agreementId, kind: 'mou', status: 'in_force' },
      activities: [],
      targets: [],
      budget: { total: 0, unfundedCount: 0 },
      createdBy: 'Petugas binadik',
      version: 1,
      canEdit: true,
    });
    expect(plan.agreement.parties.map((party) => party.id)).toEqual([LAPAS_ID, BAPAS_ID]);
    const [logged] = await auditRows('workplan.created', plan.id);
    expect(logged).toMatchObject({
      actor_user_id: ids.binadik,
      subject_type: 'work_plan',
      subject_organization_id: LAPAS_ID,
      details: { agreementId, periodStart: '2026-01-01', periodEnd: '2026-06-30', status: 'draft' },
    });
    // The other party reads and edits it too.
    const read = await call('pk', 'GET', `/api/work-plans/${plan.id}`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as WorkPlan).canEdit).toBe(true);
    // Opening it is in the audit log, with who opened it.
    const viewed = await auditRows('workplan.viewed', plan.id);
    expect(viewed.map((row) => row.actor_user_id)).toEqual([ids.pk]);
  });

  it('refuses an agreement the caller is not a party of, and a period ending before it starts', async () => {
    const response = await call('binadik', 'POST', '/api/work-plans', {
      agreementId: foreignAgreementId,
      title: 'Rencana',
      periodStart: '2026-06-30',
      periodEnd: '2026-01-01',
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.agreementId).toMatch(/^Kesepakatan tidak ditemukan/);
    expect(error.fields.periodEnd).toBe('Akhir periode program tidak boleh sebelum awal periode.');
    // An unknown field, a missing title.
    const loose = await call('binadik', 'POST', '/api/work-plans', { agreementId, ...PERIOD, budget: 1 });
    expect(loose.statusCode).toBe(400);
    expect(loose.json().error.fields).toMatchObject({
      title: 'Wajib diisi.',
      budget: 'Isian ini tidak dikenal.',
    });
  });

  it('puts no new plan under an agreement that was terminated or discarded, and keeps one already under it', async () => {
    const db = t.database.db;
    for (const status of ['terminated', 'discarded'] as const) {
      const ended = (await createAgreement(db, { organizationId: LAPAS_ID, partyIds: [BAPAS_ID], status }))
        .id;
      const response = await call('binadik', 'POST', '/api/work-plans', {
        agreementId: ended,
        title: 'Rencana',
        ...PERIOD,
      });
      expect(response.statusCode, status).toBe(400);
      expect(response.json().error.fields.agreementId, status).toMatch(/^Kesepakatan ini sudah diakhiri/);
    }
    // A plan whose agreement ends later is still edited under it.
    const plan = await newPlan();
    await db.updateTable('agreement').set({ status: 'terminated' }).where('id', '=', agreementId).execute();
    try {
      const renamed = await call('binadik', 'PUT', `/api/work-plans/${plan.id}`, {
        agreementId,
        title: 'Rencana yang diganti namanya',
        ...PERIOD,
        status: 'draft',
        version: plan.version,
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
    } finally {
      await db.updateTable('agreement').set({ status: 'signed' }).where('id', '=', agreementId).execute();
    }
  });

  it('updates with the version, writes nothing for an identical save, and refuses a stale one (409)', async () => {
    const plan = await newPlan();
    const body = {
      agreementId,
      title: 'Program Teknis Desa Binaan 2026 (revisi)',
      objectives: plan.objectives,
      ...PERIOD,
      status: 'active' as const,
      version: 1,
    };
    const saved = await call('pk', 'PUT', `/api/work-plans/${plan.id}`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      title: body.title,
      status: 'active',
      version: 2,
      updatedBy: 'Petugas pk',
    });
    const [logged] = await auditRows('workplan.updated', plan.id);
    expect(logged?.details).toMatchObject({ changed: ['title', 'status'], status: 'active' });
    // Same content again: no new version, no audit row.
    const same = await call('pk', 'PUT', `/api/work-plans/${plan.id}`, { ...body, version: 2 });
    expect(same.json().version).toBe(2);
    expect(await auditRows('workplan.updated', plan.id)).toHaveLength(1);
    // The stale version 1.
    const stale = await call('binadik', 'PUT', `/api/work-plans/${plan.id}`, {
      ...body,
      title: 'Lain',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });

  it('will not narrow the period so an activity falls outside it', async () => {
    const plan = await addActivity(await newPlan(), { startsOn: '2026-01-05', endsOn: '2026-06-20' });
    const response = await call('binadik', 'PUT', `/api/work-plans/${plan.id}`, {
      agreementId,
      title: plan.title,
      periodStart: '2026-02-01',
      periodEnd: '2026-05-31',
      status: plan.status,
      version: plan.version,
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields;
    expect(fields.periodStart).toBe(
      'Periode ini tidak lagi mencakup kegiatan "Pelatihan menjahit angkatan I" (05/01/2026 – 20/06/2026). Ubah tanggal kegiatan itu terlebih dahulu.',
    );
    expect(fields.periodEnd).toBe(fields.periodStart);
  });
});

describe('activities', () => {
  it('adds, changes and removes activities with their own versions, audited', async () => {
    let plan = await newPlan();
    plan = await addActivity(plan, { cohortId: lapasCohortId });
    const [first] = plan.activities;
    expect(first).toMatchObject({
      position: 1,
      kind: 'training_cohort',
      responsibleOrganization: { id: LAPAS_ID },
      startsOn: '2026-02-02',
      endsOn: '2026-03-27',
      budgetAmount: 15_000_000,
      budgetSource: 'apbn',
      status: 'planned',
      cohort: { id: lapasCohortId, name: 'Angkatan Menjahit I' },
      version: 1,
    });
    if (!first) throw new Error('no activity');
    // Amount 0 stores the source `none`, whatever is sent.
    const changed = await call('pk', 'PUT', `/api/work-plans/${plan.id}/activities/${first.id}`, {
      ...activity({ budgetAmount: 0, budgetSource: 'apbd', status: 'in_progress', cohortId: null }),
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as WorkPlan).activities[0]).toMatchObject({
      budgetAmount: 0,
      budgetSource: 'none',
      status: 'in_progress',
      cohort: null,
      version: 2,
    });
    const stale = await call('binadik', 'PUT', `/api/work-plans/${plan.id}/activities/${first.id}`, {
      ...activity(),
      status: 'planned',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const staleDelete = await call(
      'binadik',
      'DELETE',
      `/api/work-plans/${plan.id}/activities/${first.id}?version=1`,
    );
    expect(staleDelete.statusCode).toBe(409);
    const saved = await auditRows('workplan.activity_saved', plan.id);
    expect(saved.map((row) => row.details.created)).toEqual([true, false]);
    expect(saved[1]?.details).toMatchObject({ activityId: first.id, budgetAmount: 0, budgetSource: 'none' });

    // A target linked to it loses the link when it goes.
    const withTarget = await call('binadik', 'POST', `/api/work-plans/${plan.id}/targets`, {
      label: 'Peserta menyelesaikan pelatihan',
      metric: 'women_trained',
      targetValue: 20,
      activityId: first.id,
    });
    expect((withTarget.json() as WorkPlan).targets[0]?.activity?.id).toBe(first.id);
    const removed = await call(
      'binadik',
      'DELETE',
      `/api/work-plans/${plan.id}/activities/${first.id}?version=2`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    const after = removed.json() as WorkPlan;
    expect(after.activities).toEqual([]);
    expect(after.targets[0]?.activity).toBeNull();
    const [gone] = await auditRows('workplan.activity_removed', plan.id);
    expect(gone?.details).toMatchObject({ activityId: first.id, title: 'Pelatihan menjahit angkatan I' });
    // Gone is gone.
    const again = await call(
      'binadik',
      'DELETE',
      `/api/work-plans/${plan.id}/activities/${first.id}?version=2`,
    );
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('WORK_PLAN_ACTIVITY_NOT_FOUND');
  });

  it('names each field in Indonesian: dates, budget, source, organization, cohort', async () => {
    const plan = await newPlan();
    const post = (overrides: object) =>
      call('binadik', 'POST', `/api/work-plans/${plan.id}/activities`, { ...activity(), ...overrides });
    const fieldsOf = async (overrides: object) => {
      const response = await post(overrides);
      expect(response.statusCode, response.body).toBe(400);
      return response.json().error.fields as Record<string, string>;
    };

    expect(await fieldsOf({ startsOn: '2025-12-31', endsOn: '2026-07-01' })).toEqual({
      startsOn: 'Tanggal mulai kegiatan harus di dalam periode program (01/01/2026 – 30/06/2026).',
      endsOn: 'Tanggal selesai kegiatan harus di dalam periode program (01/01/2026 – 30/06/2026).',
    });
    expect(await fieldsOf({ startsOn: '2026-03-10', endsOn: '2026-03-09' })).toEqual({
      endsOn: 'Tanggal selesai kegiatan tidak boleh sebelum tanggal mulai.',
    });
    expect(await fieldsOf({ budgetAmount: -1 })).toEqual({
      budgetAmount: 'Anggaran tidak boleh negatif. Isi 0 bila kegiatan tanpa anggaran.',
    });
    expect(await fieldsOf({ budgetAmount: 1500.5 })).toEqual({
      budgetAmount: 'Anggaran ditulis dalam rupiah utuh, tanpa sen.',
    });
    expect(await fieldsOf({ budgetAmount: 2_500_000, budgetSource: null })).toEqual({
      budgetSource: 'Pilih sumber anggaran (APBN, APBD, mitra atau lainnya) bila anggaran lebih dari Rp 0.',
    });
    expect(
      await fieldsOf({
        responsibleOrganizationId: '00000000-0000-4000-8000-0000000000ff',
        cohortId: foreignCohortId,
      }),
    ).toEqual({
      responsibleOrganizationId: 'Organisasi penanggung jawab tidak dikenal. Pilih dari daftar organisasi.',
      cohortId: 'Angkatan pelatihan harus angkatan milik salah satu pihak kesepakatan ini.',
    });
    expect(await fieldsOf({ kind: 'party' })).toHaveProperty('kind');
    // The boundaries of the period are inside it; any organization of the directory may be responsible.
    const edge = await post({
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      responsibleOrganizationId: directoryOrg,
    });
    expect(edge.statusCode, edge.body).toBe(201);
    const count = await t.database.db
      .selectFrom('work_plan_activity')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('work_plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('totals the budget by source, leaving cancelled activities out', async () => {
    let plan = await newPlan();
    plan = await addActivity(plan, { budgetAmount: 1_500_000, budgetSource: 'apbd' });
    plan = await addActivity(plan, { budgetAmount: 2_000_000, budgetSource: 'apbn' });
    plan = await addActivity(plan, { budgetAmount: 500_000, budgetSource: 'partner' });
    plan = await addActivity(plan, { budgetAmount: 9_999_000, budgetSource: 'apbd', status: 'cancelled' });
    plan = await addActivity(plan, { budgetAmount: 0, budgetSource: null, kind: 'coordination_meeting' });
    expect(plan.budget).toEqual({
      total: 4_000_000,
      bySource: [
        { source: 'apbn', amount: 2_000_000, activityCount: 1 },
        { source: 'apbd', amount: 1_500_000, activityCount: 1 },
        { source: 'partner', amount: 500_000, activityCount: 1 },
        { source: 'other', amount: 0, activityCount: 0 },
      ],
      unfundedCount: 1,
    });
  });
});

describe('targets', () => {
  it('checks the target value, the activity link and the typed actual', async () => {
    const plan = await newPlan();
    const other = await addActivity(await newPlan());
    const post = (body: object) => call('binadik', 'POST', `/api/work-plans/${plan.id}/targets`, body);
    const base = { label: 'Perempuan bersertifikat', metric: 'women_certified', targetValue: 10 };
    for (const targetValue of [0, -3, 2.5]) {
      const response = await post({ ...base, targetValue });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual({
        targetValue: 'Nilai target harus bilangan bulat lebih dari 0.',
      });
    }
    const foreignActivity = await post({ ...base, activityId: other.activities[0]?.id });
    expect(foreignActivity.json().error.fields).toEqual({
      activityId: 'Kegiatan terkait harus kegiatan dari program teknis ini.',
    });
    const negative = await post({ ...base, metric: 'manual', manualActual: -1 });
    expect(negative.json().error.fields).toEqual({
      manualActual: 'Capaian harus bilangan bulat 0 atau lebih.',
    });

    // A typed actual is kept only for a manual target.
    const created = await post({ ...base, manualActual: 99 });
    expect(created.statusCode, created.body).toBe(201);
    const [target] = (created.json() as WorkPlan).targets;
    expect(target).toMatchObject({ metric: 'women_certified', manualActual: null, actual: 0, percent: 0 });
    if (!target) throw new Error('no target');
    const manual = await call('pk', 'PUT', `/api/work-plans/${plan.id}/targets/${target.id}`, {
      label: 'Bazar produk warga binaan',
      metric: 'manual',
      targetValue: 4,
      manualActual: 3,
      version: 1,
    });
    expect(manual.statusCode, manual.body).toBe(200);
    expect((manual.json() as WorkPlan).targets[0]).toMatchObject({
      metric: 'manual',
      manualActual: 3,
      actual: 3,
      percent: 75,
      version: 2,
    });
    const stale = await call('binadik', 'PUT', `/api/work-plans/${plan.id}/targets/${target.id}`, {
      ...base,
      manualActual: null,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call('binadik', 'DELETE', `/api/work-plans/${plan.id}/targets/${target.id}?version=1`))
        .statusCode,
    ).toBe(409);
    const removed = await call(
      'binadik',
      'DELETE',
      `/api/work-plans/${plan.id}/targets/${target.id}?version=2`,
    );
    expect((removed.json() as WorkPlan).targets).toEqual([]);
    expect((await auditRows('workplan.target_saved', plan.id)).map((row) => row.details.created)).toEqual([
      true,
      false,
    ]);
    expect((await auditRows('workplan.target_removed', plan.id))[0]?.details).toMatchObject({
      targetId: target.id,
      metric: 'manual',
    });
  });
});

// ── Rows the system figures count (written straight to the database) ──

/** A completed cohort of `organizationId` ending (planned) on `endDate`, completed on `completedOn`. */
async function completedCohort(organizationId: string, endDate: string, completedOn: string | null = null) {
  const db = t.database.db;
  const program = await createProgram(db, { organizationId });
  const created = await createCohort(db, program.id, {
    organizationId,
    startDate: '2025-06-01',
    endDate,
    status: 'completed',
  });
  await db
    .updateTable('training_cohort')
    .set({ completed_on: completedOn })
    .where('id', '=', created.id)
    .execute();
  return { cohortId: created.id, programId: program.id, organizationId };
}

async function enrolment(
  cohort: Awaited<ReturnType<typeof completedCohort>>,
  personId: string,
  status: 'completed' | 'withdrawn' = 'completed',
) {
  await t.database.db
    .insertInto('training_enrolment')
    .values({
      organization_id: cohort.organizationId,
      person_id: personId,
      program_id: cohort.programId,
      cohort_id: cohort.cohortId,
      source: 'staff_referral',
      status,
      requested_on: '2025-05-01',
    })
    .execute();
}

let certificateCount = 0;
async function certificate(organizationId: string, personId: string, issuedOn: string) {
  const sewing = await skillByCode(t.database.db, 'garment.sewing');
  certificateCount += 1;
  await t.database.db
    .insertInto('certificate')
    .values({
      organization_id: organizationId,
      person_id: personId,
      skill_id: sewing.id,
      level: 'competent',
      number: `C-${certificateCount}`,
      issuer: 'LSP Uji',
      issued_on: issuedOn,
    })
    .execute();
}

/** A handover from one organization to another, sent, then accepted at `acceptedAt` (an instant). */
async function handover(
  personId: string,
  acceptedAt: string,
  options: { from?: string; to?: string; status?: 'accepted' | 'ended' } = {},
) {
  const db = t.database.db;
  const from = options.from ?? LAPAS_ID;
  const plan = await db
    .insertInto('reintegration_plan')
    .values({ person_id: personId, organization_id: from })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('handover')
    .values({
      person_id: personId,
      from_organization_id: from,
      to_organization_id: options.to ?? BAPAS_ID,
      plan_id: plan.id,
      status: options.status ?? 'accepted',
      package: JSON.stringify({}),
      sent_by_name: 'Petugas Uji',
      sent_at: new Date('2025-11-01T03:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('handover_event')
    .values([
      {
        handover_id: row.id,
        action: 'sent',
        actor_name: 'Petugas Uji',
        organization_name: 'LPP',
        at: new Date('2025-11-01T03:00:00Z'),
      },
      {
        handover_id: row.id,
        action: 'accepted',
        actor_name: 'Kepala Bapas',
        organization_name: 'Bapas',
        at: new Date(acceptedAt),
      },
    ])
    .execute();
}

async function placed(
  personId: string,
  on: string,
  options: { partnerId?: string; stage?: 'placed' | 'ended' | 'offered' } = {},
) {
  const db = t.database.db;
  const opportunity = await createOpportunity(db, options.partnerId ? { partnerId: options.partnerId } : {});
  await createPlacement(db, {
    personId,
    opportunityId: opportunity.id,
    stage: options.stage ?? 'placed',
    on,
  });
}

async function outcomeCheck(
  personId: string,
  checkedOn: string,
  workStatus: 'employed' | 'self_employed' | 'unemployed' | 'in_training',
  options: { organizationId?: string; windowMonths?: 3 | 6; businessStarted?: boolean | null } = {},
) {
  await t.database.db
    .insertInto('outcome_check')
    .values({
      person_id: personId,
      organization_id: options.organizationId ?? BAPAS_ID,
      window_months: options.windowMonths ?? 6,
      due_on: checkedOn,
      checked_on: checkedOn,
      work_status: workStatus,
      business_started: options.businessStarted ?? null,
      recorded_by_name: 'PK Uji',
    })
    .execute();
}

async function people(count: number, organizationId = LAPAS_ID) {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1)
    ids.push((await createPerson(t.database.db, { organizationId })).id);
  return ids;
}

const SYSTEM_METRICS = [
  'women_trained',
  'women_certified',
  'women_handed_over',
  'women_placed',
  'working_6_months',
] as const;

describe('actual figures counted by the system', () => {
  it('counts each metric over the plan period, by hand', async () => {
    const db = t.database.db;
    const [p1, p2, p3, p4, p5, p6, p7] = (await people(7)) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];

    // women_trained: completed enrolments in cohorts ending (completion date, else planned end) in the period.
    const inPeriod = await completedCohort(LAPAS_ID, '2026-03-31');
    const before = await completedCohort(LAPAS_ID, '2025-12-20');
    const completedInside = await completedCohort(LAPAS_ID, '2026-07-15', '2026-06-20');
    const completedAfter = await completedCohort(LAPAS_ID, '2026-05-01', '2026-07-02');
    await enrolment(inPeriod, p1);
    await enrolment(inPeriod, p2);
    await enrolment(inPeriod, p3, 'withdrawn');
    await enrolment(before, p4);
    await enrolment(completedInside, p1);
    await enrolment(completedInside, p5);
    await enrolment(completedAfter, p6);
    // → p1, p2, p5 = 3 (p1 once).

    // women_certified: distinct people with a certificate issued in the period.
    await certificate(LAPAS_ID, p1, '2026-02-01');
    await certificate(LAPAS_ID, p1, '2026-03-01');
    await certificate(LAPAS_ID, p2, '2026-06-30');
    await certificate(LAPAS_ID, p3, '2025-12-31');
    await certificate(LAPAS_ID, p4, '2026-07-01');
    // → p1, p2 = 2.

    // women_handed_over: handovers accepted in the period (the day in Asia/Jakarta).
    await handover(p1, '2026-03-10T03:00:00Z');
    // 20:00 UTC on 31 December is 03:00 on 1 January in Semarang: inside.
    await handover(p2, '2025-12-31T20:00:00Z', { status: 'ended' });
    // 18:00 UTC on 30 June is 01:00 on 1 July in Semarang: outside.
    await handover(p3, '2026-06-30T18:00:00Z');
    // → 2.

    // women_placed: distinct people whose placement reached `placed` in the period.
    await placed(p1, '2026-02-10');
    await placed(p1, '2026-04-01');
    await placed(p2, '2026-05-05', { stage: 'ended' });
    await placed(p3, '2025-11-01');
    await placed(p4, '2026-03-01', { stage: 'offered' });
    // → p1, p2 = 2.

    // working_6_months: 6-month checks in the period with the work status employed or self_employed.
    await outcomeCheck(p1, '2026-03-01', 'employed');
    // A business started without the work status "working" does not count (the outcomes module's meaning).
    await outcomeCheck(p2, '2026-04-01', 'unemployed', { businessStarted: true });
    await outcomeCheck(p3, '2026-07-01', 'self_employed');
    await outcomeCheck(p4, '2026-02-01', 'employed', { windowMonths: 3 });
    await outcomeCheck(p5, '2026-05-01', 'in_training');
    await outcomeCheck(p6, '2026-06-30', 'self_employed');
    await outcomeCheck(p7, '2026-01-01', 'unemployed', { businessStarted: false });
    // → p1, p6 = 2.

    const metrics = [
      ['women_trained', 4],
      ['women_certified', 3],
      ['women_handed_over', 2],
      ['women_placed', 5],
      ['working_6_months', 3],
      ['manual', 10],
    ] as const;
    const targets = metrics.map(([metric, targetValue]) => ({
      metric,
      targetValue,
      ...(metric === 'manual' && { manualActual: 7 }),
    }));
    const first = await createWorkPlan(db, { agreementId, organizationId: LAPAS_ID, ...PERIOD, targets });
    const firstPlan = (await call('pk', 'GET', `/api/work-plans/${first.id}`)).json() as WorkPlan;
    expect(firstPlan.targets.map((target) => [target.metric, target.actual, target.percent])).toEqual([
      ['women_trained', 3, 75],
      ['women_certified', 2, 67],
      ['women_handed_over', 2, 100],
      ['women_placed', 2, 40],
      ['working_6_months', 2, 67],
      ['manual', 7, 70],
    ]);
    // Corrections staff see small figures as they are.
    expect(firstPlan.targets.every((target) => !target.suppressed)).toBe(true);

    // The second half of 2025 counts other rows.
    const second = await createWorkPlan(db, {
      agreementId,
      organizationId: LAPAS_ID,
      periodStart: '2025-07-01',
      periodEnd: '2025-12-31',
      targets: targets.filter((target) => target.metric !== 'manual'),
    });
    const secondPlan = (await call('binadik', 'GET', `/api/work-plans/${second.id}`)).json() as WorkPlan;
    expect(secondPlan.targets.map((target) => target.actual)).toEqual([1, 1, 0, 1, 0]);
    // A manual target not typed yet has no actual.
    const untyped = await createWorkPlan(db, {
      agreementId,
      organizationId: LAPAS_ID,
      targets: [{ metric: 'manual', targetValue: 5 }],
    });
    const untypedPlan = (await call('binadik', 'GET', `/api/work-plans/${untyped.id}`)).json() as WorkPlan;
    expect(untypedPlan.targets[0]).toMatchObject({ actual: null, percent: null, suppressed: false });
  });

  it('counts only the rows owned by the agreement’s parties', async () => {
    const db = t.database.db;
    // 2030: no other test writes figures then.
    const period = { periodStart: '2030-01-01', periodEnd: '2030-12-31' };
    const otherPrison = (await createOrganization(db, { kind: 'prison', name: 'Lapas Lain Uji' })).id;
    const otherBapas = (await createOrganization(db, { kind: 'probation', name: 'Bapas Lain Uji' })).id;
    const otherPartner = (await createOrganization(db, { kind: 'partner', name: 'Mitra Lain Uji' })).id;
    const partyPartner = (await createOrganization(db, { kind: 'partner', name: 'Mitra Pihak Uji' })).id;
    const [held] = (await people(1)) as [string];
    const [s1, s2, s3, s4, s5, s6] = (await people(6, otherPrison)) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];

    // Rows of organizations that are no party to the plan's agreement (LPP and Bapas): none counts.
    await enrolment(await completedCohort(otherPrison, '2030-03-31'), s1);
    await certificate(otherPrison, s1, '2030-02-01');
    await handover(s2, '2030-03-10T03:00:00Z', { from: otherPrison, to: otherBapas });
    await placed(s3, '2030-04-01', { partnerId: otherPartner });
    await outcomeCheck(s4, '2030-05-01', 'employed', { organizationId: otherBapas });
    // One row of each owned by a party: each counts.
    await enrolment(await completedCohort(LAPAS_ID, '2030-03-31'), held);
    await certificate(LAPAS_ID, held, '2030-02-01');
    // A handover from another prison TO a party (Bapas) is the party's.
    await handover(s5, '2030-03-10T03:00:00Z', { from: otherPrison, to: BAPAS_ID });
    // A placement of a woman held by a party, with another organization's opportunity.
    await placed(held, '2030-04-01', { partnerId: otherPartner });
    await outcomeCheck(held, '2030-05-01', 'self_employed', { organizationId: BAPAS_ID });
    // A placement of a woman held elsewhere with a party partner's opportunity (counts for that party only).
    await placed(s6, '2030-04-01', { partnerId: partyPartner });

    const targets = SYSTEM_METRICS.map((metric) => ({ metric, targetValue: 1 }));
    const plan = await createWorkPlan(db, { agreementId, organizationId: LAPAS_ID, ...period, targets });
    const read = (await call('pk', 'GET', `/api/work-plans/${plan.id}`)).json() as WorkPlan;
    expect(read.targets.map((target) => [target.metric, target.actual])).toEqual(
      SYSTEM_METRICS.map((metric) => [metric, 1]),
    );

    // Under an agreement of the prison with the partner: the partner's opportunity counts, not Bapas's rows.
    const withPartner = (await createAgreement(db, { organizationId: LAPAS_ID, partyIds: [partyPartner] }))
      .id;
    const partnerPlan = await createWorkPlan(db, {
      agreementId: withPartner,
      organizationId: LAPAS_ID,
      ...period,
      targets,
    });
    const partnerRead = (
      await call('binadik', 'GET', `/api/work-plans/${partnerPlan.id}`)
    ).json() as WorkPlan;
    expect(partnerRead.targets.map((target) => [target.metric, target.actual])).toEqual([
      ['women_trained', 1],
      ['women_certified', 1],
      ['women_handed_over', 0],
      // held (LPP's) and s6 (the partner's opportunity).
      ['women_placed', 2],
      ['working_6_months', 0],
    ]);

    // Only the figures asked for are counted (a plan without system targets counts nothing).
    const figures = await systemFigures(
      db,
      [LAPAS_ID, BAPAS_ID],
      period.periodStart,
      period.periodEnd,
      new Set(['women_certified'] as const),
    );
    expect(figures).toEqual({
      women_trained: 0,
      women_certified: 1,
      women_handed_over: 0,
      women_placed: 0,
      working_6_months: 0,
    });
  });

  it('hides figures of 1 to 4 from callers outside corrections, in the plan, the PDF and the XLSX', async () => {
    const db = t.database.db;
    // 2029: no other test writes figures then.
    const period = { periodStart: '2029-01-01', periodEnd: '2029-12-31' };
    const partner = (await createOrganization(db, { kind: 'partner', name: 'Mitra Penanggung Jawab Uji' }))
      .id;
    await user('responsiblePartner', partner, ['partner_staff']);
    const women = await people(5);
    // 3 certified, 5 working, none handed over.
    for (const personId of women.slice(0, 3)) await certificate(LAPAS_ID, personId, '2029-03-01');
    for (const personId of women) await outcomeCheck(personId, '2029-06-01', 'employed');
    const plan = await createWorkPlan(db, {
      agreementId,
      organizationId: LAPAS_ID,
      ...period,
      activities: [{ responsibleOrganizationId: partner, startsOn: '2029-02-01' }],
      targets: [
        { metric: 'women_certified', targetValue: 6 },
        { metric: 'working_6_months', targetValue: 10 },
        { metric: 'women_handed_over', targetValue: 2 },
        { metric: 'manual', targetValue: 4, manualActual: 2 },
      ],
    });
    const summary = (read: WorkPlan) =>
      read.targets.map((target) => [target.metric, target.actual, target.percent, target.suppressed]);

    // The partner responsible for an activity reads the plan: 3 is hidden, 5 and 0 are shown, a typed
    // figure is never hidden.
    const asPartner = (
      await call('responsiblePartner', 'GET', `/api/work-plans/${plan.id}`)
    ).json() as WorkPlan;
    expect(summary(asPartner)).toEqual([
      ['women_certified', null, null, true],
      ['working_6_months', 5, 50, false],
      ['women_handed_over', 0, 0, false],
      ['manual', 2, 50, false],
    ]);
    // The kecamatan (a party's staff outside corrections) is not corrections staff either.
    const kecamatanAgreement = (
      await createAgreement(db, { organizationId: LAPAS_ID, partyIds: [KECAMATAN_ID] })
    ).id;
    const kecamatanPlan = await createWorkPlan(db, {
      agreementId: kecamatanAgreement,
      organizationId: LAPAS_ID,
      ...period,
      targets: [{ metric: 'women_certified', targetValue: 6 }],
    });
    const asCamat = (await call('camat', 'GET', `/api/work-plans/${kecamatanPlan.id}`)).json() as WorkPlan;
    expect(summary(asCamat)).toEqual([['women_certified', null, null, true]]);
    // Corrections staff see the exact figure.
    const asBapas = (await call('pk', 'GET', `/api/work-plans/${plan.id}`)).json() as WorkPlan;
    expect(summary(asBapas)[0]).toEqual(['women_certified', 3, 50, false]);

    // The files follow the caller: "< 5" for the partner.
    const document = workPlanDocument(asPartner, {
      language: 'id',
      printedOn: '2029-01-15',
      organization: { name: 'Lapas Perempuan Semarang', address: null, phone: null },
    });
    expect(JSON.stringify(document.content)).toContain('{"text":"< 5","alignment":"right"');
    const xlsx = await call('responsiblePartner', 'GET', `/api/work-plans/${plan.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Target') as ExcelJS.Worksheet;
    expect([sheet.getRow(2).getCell(6).value, sheet.getRow(3).getCell(6).value]).toEqual(['< 5', 5]);
  });
});

describe('who sees and who edits', () => {
  it('lets an organization responsible for an activity read, not edit; others get 404; viewer and admin 403', async () => {
    const plan = await addActivity(await newPlan('binadik', { title: 'Rencana dengan kecamatan' }), {
      kind: 'village_socialization',
      title: 'Sosialisasi di Kelurahan Krobokan',
      responsibleOrganizationId: KECAMATAN_ID,
      budgetAmount: 0,
      budgetSource: null,
    });
    const read = await call('camat', 'GET', `/api/work-plans/${plan.id}`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as WorkPlan).canEdit).toBe(false);
    const list = (await call('camat', 'GET', '/api/work-plans')).json() as WorkPlanList;
    expect(list.items.map((item) => item.id)).toContain(plan.id);
    expect(list.items.find((item) => item.id === plan.id)?.canEdit).toBe(false);
    const edit = await call('camat', 'PUT', `/api/work-plans/${plan.id}`, {
      agreementId,
      title: 'Diubah',
      ...PERIOD,
      status: plan.status,
      version: plan.version,
    });
    expect(edit.statusCode).toBe(403);
    expect(
      (
        await call('camat', 'POST', `/api/work-plans/${plan.id}/targets`, {
          label: 'x',
          metric: 'manual',
          targetValue: 1,
        })
      ).statusCode,
    ).toBe(403);
    // A party cannot make a plan under an agreement of which Kecamatan is not a party.
    const own = await call('camat', 'POST', '/api/work-plans', { agreementId, title: 'x', ...PERIOD });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.fields).toHaveProperty('agreementId');

    // Neither party nor responsible: as if it did not exist.
    for (const [method, url] of [
      ['GET', `/api/work-plans/${plan.id}`],
      ['GET', `/api/work-plans/${plan.id}/export.pdf`],
      ['GET', `/api/work-plans/${plan.id}/export.xlsx`],
      ['DELETE', `/api/work-plans/${plan.id}/activities/${plan.activities[0]?.id}?version=1`],
    ] as const) {
      const response = await call('outsider', method, url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('WORK_PLAN_NOT_FOUND');
    }
    const put = await call('outsider', 'PUT', `/api/work-plans/${plan.id}`, {
      agreementId,
      title: 'x',
      ...PERIOD,
      status: 'draft',
      version: 1,
    });
    expect(put.statusCode).toBe(404);
    expect(((await call('outsider', 'GET', '/api/work-plans')).json() as WorkPlanList).items).toEqual([]);

    // No governance permission: 403 whatever the plan.
    for (const name of ['viewer', 'admin']) {
      expect((await call(name, 'GET', `/api/work-plans/${plan.id}`)).statusCode).toBe(403);
      expect((await call(name, 'GET', '/api/work-plans')).statusCode).toBe(403);
      expect((await call(name, 'GET', `/api/work-plans/${plan.id}/export.pdf`)).statusCode).toBe(403);
      expect(
        (await call(name, 'POST', '/api/work-plans', { agreementId, title: 'x', ...PERIOD })).statusCode,
      ).toBe(403);
    }
  });
});

describe('lists, timeline and options', () => {
  it('filters the list and the timeline', async () => {
    const db = t.database.db;
    const otherAgreement = (await createAgreement(db, { organizationId: LAPAS_ID, partyIds: [KECAMATAN_ID] }))
      .id;
    const a = await createWorkPlan(db, {
      agreementId: otherAgreement,
      organizationId: LAPAS_ID,
      title: 'Filter Bazar Ramadan',
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
      status: 'closed',
      activities: [
        {
          responsibleOrganizationId: outsiderOrg,
          kind: 'bazaar',
          startsOn: '2027-02-10',
          endsOn: '2027-02-12',
        },
        { responsibleOrganizationId: LAPAS_ID, startsOn: '2027-03-01', status: 'cancelled' },
      ],
    });
    const list = async (query: string) =>
      ((await call('binadik', 'GET', `/api/work-plans?${query}`)).json() as WorkPlanList).items.map(
        (item) => item.id,
      );
    expect(await list(`agreementId=${otherAgreement}`)).toEqual([a.id]);
    expect(await list('status=closed')).toEqual([a.id]);
    expect(await list(`responsibleOrganizationId=${outsiderOrg}&from=2027-01-01`)).toEqual([a.id]);
    expect(await list('q=bazar%20ramadan')).toEqual([a.id]);
    expect(await list('from=2027-04-01&to=2028-12-31')).toEqual([]);
    const item = (
      (await call('binadik', 'GET', `/api/work-plans?agreementId=${otherAgreement}`)).json() as WorkPlanList
    ).items[0];
    expect(item).toMatchObject({
      activityCount: 2,
      doneCount: 0,
      budgetTotal: 0,
      targetCount: 0,
      canEdit: true,
    });
    // The partner responsible for the bazaar now sees the plan.
    expect(
      ((await call('outsider', 'GET', '/api/work-plans')).json() as WorkPlanList).items.map((i) => i.id),
    ).toEqual([a.id]);

    const timeline = (await (
      await call('binadik', 'GET', '/api/work-plans/timeline?from=2027-01-01&to=2027-12-31')
    ).json()) as WorkPlanTimeline;
    expect(timeline.items.map((entry) => [entry.kind, entry.startsOn, entry.workPlan.id])).toEqual([
      ['bazaar', '2027-02-10', a.id],
    ]);
    const withCancelled = (await (
      await call(
        'binadik',
        'GET',
        '/api/work-plans/timeline?from=2027-01-01&to=2027-12-31&includeCancelled=true',
      )
    ).json()) as WorkPlanTimeline;
    expect(withCancelled.items).toHaveLength(2);
    const backwards = await call('binadik', 'GET', '/api/work-plans/timeline?from=2027-12-31&to=2027-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields.to).toBe('Tanggal harus sesudah 31/12/2027.');
  });

  it('offers the caller’s agreements, the directory and the parties’ cohorts', async () => {
    const options = (await (
      await call('binadik', 'GET', `/api/work-plans/options?agreementId=${agreementId}`)
    ).json()) as WorkPlanOptions;
    expect(options.agreements.map((agreement) => agreement.id)).toContain(agreementId);
    expect(options.agreements.map((agreement) => agreement.id)).not.toContain(foreignAgreementId);
    expect(options.organizations.map((organization) => organization.id)).toEqual(
      expect.arrayContaining([LAPAS_ID, BAPAS_ID, KECAMATAN_ID, outsiderOrg]),
    );
    expect(options.cohorts.map((cohort) => cohort.id)).toContain(lapasCohortId);
    expect(options.cohorts.map((cohort) => cohort.id)).not.toContain(foreignCohortId);
    const foreign = (await (
      await call('binadik', 'GET', `/api/work-plans/options?agreementId=${foreignAgreementId}`)
    ).json()) as WorkPlanOptions;
    expect(foreign.cohorts).toEqual([]);
  });
});

describe('printing and exporting', () => {
  async function fullPlan() {
    let plan = await newPlan('binadik', { title: 'Program Teknis Cetak 2026' });
    plan = await addActivity(plan, { cohortId: lapasCohortId });
    plan = await addActivity(plan, {
      kind: 'village_socialization',
      title: 'Sosialisasi penerimaan warga di Kelurahan Krobokan',
      responsibleOrganizationId: KECAMATAN_ID,
      location: 'Balai Kelurahan Krobokan',
      startsOn: '2026-04-14',
      endsOn: '2026-04-14',
      budgetAmount: 2_750_000,
      budgetSource: 'apbd',
    });
    const target = await call('binadik', 'POST', `/api/work-plans/${plan.id}/targets`, {
      label: 'Bazar produk',
      metric: 'manual',
      targetValue: 2,
      manualActual: 1,
    });
    return target.json() as WorkPlan;
  }

  it('prints a landscape PDF on the letterhead, audited', async () => {
    const plan = await fullPlan();
    const response = await call('pk', 'GET', `/api/work-plans/${plan.id}/export.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="program-teknis-program-teknis-cetak-2026-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [logged] = await auditRows('workplan.exported', plan.id);
    expect(logged).toMatchObject({
      actor_user_id: ids.pk,
      details: { format: 'pdf', activities: 2, targets: 1 },
    });

    const document = workPlanDocument(plan, {
      language: 'id',
      printedOn: '2026-01-15',
      organization: { name: 'Lapas Perempuan Semarang', address: 'Jl. Uji 1', phone: null },
    });
    expect(document.pageOrientation).toBe('landscape');
    const text = JSON.stringify(document.content);
    for (const expected of [
      'LEMBAGA PEMASYARAKATAN PEREMPUAN SEMARANG',
      'PROGRAM TEKNIS',
      'A. Kegiatan',
      'B. Anggaran',
      'C. Target dan capaian',
      'Rp 15.000.000',
      'Rp 2.750.000',
      'Rp 17.750.000',
      'Sosialisasi di kelurahan',
      '01/01/2026 – 30/06/2026',
      '50%',
      'PIHAK PERTAMA',
      'PIHAK KEDUA',
    ])
      expect(text).toContain(expected);
  });

  it('exports an XLSX with sheets Program, Kegiatan and Target, Rupiah as numbers, audited', async () => {
    const plan = await fullPlan();
    const response = await call('camat', 'GET', `/api/work-plans/${plan.id}/export.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Program', 'Kegiatan', 'Target']);
    // Which plan it is, once the file has left the app.
    const particulars = workbook.getWorksheet('Program') as ExcelJS.Worksheet;
    const rows: [unknown, unknown][] = [];
    particulars.eachRow((row) => {
      rows.push([row.getCell(1).value, row.getCell(2).value]);
    });
    expect(rows.slice(0, 7)).toEqual([
      ['Keterangan', 'Isi'],
      ['Program teknis', 'Program Teknis Cetak 2026'],
      ['Dasar kesepakatan', 'Nota Kesepahaman (MoU): MoU Pembinaan Kemandirian Warga Binaan Perempuan'],
      ['Para pihak', 'Lapas Perempuan Kelas IIA Semarang; Balai Pemasyarakatan Kelas I Semarang'],
      ['Dibuat oleh', 'Lapas Perempuan Kelas IIA Semarang'],
      ['Periode', '01/01/2026 – 30/06/2026'],
      ['Status', 'Draf'],
    ]);
    expect(rows[8]?.[0]).toBe('Diekspor');
    const activities = workbook.getWorksheet('Kegiatan') as ExcelJS.Worksheet;
    expect(activities.getRow(1).values).toEqual([
      undefined,
      'No',
      'Kegiatan',
      'Jenis',
      'Uraian',
      'Penanggung jawab',
      'Lokasi',
      'Mulai',
      'Selesai',
      'Anggaran (Rp)',
      'Sumber anggaran',
      'Status',
      'Angkatan pelatihan',
    ]);
    const first = activities.getRow(2);
    expect(first.getCell(2).value).toBe('Pelatihan menjahit angkatan I');
    expect(first.getCell(3).value).toBe('Pelatihan keterampilan');
    expect(first.getCell(7).value).toEqual(new Date('2026-02-02T00:00:00Z'));
    expect(first.getCell(9).value).toBe(15_000_000);
    expect(first.getCell(9).numFmt).toBe('"Rp" #,##0');
    expect(first.getCell(10).value).toBe('APBN');
    expect(first.getCell(12).value).toBe('Angkatan Menjahit I');
    const second = activities.getRow(3);
    expect([second.getCell(5).value, second.getCell(9).value, second.getCell(10).value]).toEqual([
      'Kecamatan Semarang Barat',
      2_750_000,
      'APBD',
    ]);
    const total = activities.getRow(5);
    expect([total.getCell(2).value, total.getCell(9).value]).toEqual([
      'Jumlah anggaran (tanpa kegiatan dibatalkan)',
      17_750_000,
    ]);
    const targets = workbook.getWorksheet('Target') as ExcelJS.Worksheet;
    expect(targets.getRow(2).values).toEqual([
      undefined,
      1,
      'Bazar produk',
      'Diisi manual',
      undefined,
      2,
      1,
      50,
    ]);
    expect(targets.rowCount).toBe(2);
    const [logged] = await auditRows('workplan.exported', plan.id);
    expect(logged).toMatchObject({ actor_user_id: ids.camat, details: { format: 'xlsx' } });
  });
});

describe('a PUT replaces: no defaults', () => {
  it('requires the status of a plan, the status and budget of an activity, the typed actual of a target', async () => {
    const db = t.database.db;
    const created = await createWorkPlan(db, {
      agreementId,
      organizationId: LAPAS_ID,
      ...PERIOD,
      status: 'active',
      activities: [{ responsibleOrganizationId: LAPAS_ID, status: 'done', budgetAmount: 1_000_000 }],
      targets: [{ metric: 'manual', manualActual: 3 }],
    });
    const put = (url: string, body: object) =>
      call('binadik', 'PUT', `/api/work-plans/${created.id}${url}`, body);
    const plan = await put('', { agreementId, title: 'Tanpa status', ...PERIOD, version: 1 });
    expect(plan.statusCode).toBe(400);
    // A missing choice is "required", like any other missing field.
    expect(plan.json().error.fields).toEqual({ status: 'Wajib diisi.' });
    const { budgetAmount: _amount, ...withoutAmount } = activity();
    const changed = await put(`/activities/${created.activityIds[0]}`, { ...withoutAmount, version: 1 });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.fields).toEqual({ budgetAmount: 'Wajib diisi.', status: 'Wajib diisi.' });
    const target = await put(`/targets/${created.targetIds[0]}`, {
      label: 'Bazar',
      metric: 'manual',
      targetValue: 10,
      version: 1,
    });
    expect(target.statusCode).toBe(400);
    expect(target.json().error.fields).toEqual({ manualActual: 'Wajib diisi.' });
    // Nothing was reset.
    const read = (await call('binadik', 'GET', `/api/work-plans/${created.id}`)).json() as WorkPlan;
    expect(read).toMatchObject({ status: 'active', version: 1 });
    expect(read.activities[0]).toMatchObject({ status: 'done', budgetAmount: 1_000_000, version: 1 });
    expect(read.targets[0]).toMatchObject({ manualActual: 3, version: 1 });
    // POST keeps its defaults; a version there is an unknown field.
    const posted = await call('binadik', 'POST', `/api/work-plans/${created.id}/activities`, {
      ...withoutAmount,
      version: 1,
    });
    expect(posted.json().error.fields).toEqual({ version: 'Isian ini tidak dikenal.' });
  });
});

describe('a closed plan', () => {
  it('refuses activity and target changes (409) until its status is changed back', async () => {
    const created = await createWorkPlan(t.database.db, {
      agreementId,
      organizationId: LAPAS_ID,
      ...PERIOD,
      status: 'closed',
      activities: [{ responsibleOrganizationId: LAPAS_ID, startsOn: '2026-02-02' }],
      targets: [{ metric: 'manual', manualActual: 1 }],
    });
    const base = `/api/work-plans/${created.id}`;
    const target = { label: 'Bazar', metric: 'manual', targetValue: 2, manualActual: 1 };
    const attempts = [
      ['POST', `${base}/activities`, activity()],
      ['PUT', `${base}/activities/${created.activityIds[0]}`, { ...activity(), status: 'done', version: 1 }],
      ['DELETE', `${base}/activities/${created.activityIds[0]}?version=1`, undefined],
      ['POST', `${base}/targets`, target],
      ['PUT', `${base}/targets/${created.targetIds[0]}`, { ...target, version: 1 }],
      ['DELETE', `${base}/targets/${created.targetIds[0]}?version=1`, undefined],
    ] as const;
    for (const [method, url, body] of attempts) {
      const response = await call('binadik', method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(409);
      expect(response.json().error).toMatchObject({
        code: 'WORK_PLAN_CLOSED',
        message: expect.stringMatching(/^Program teknis ini sudah ditutup/),
      });
    }
    expect(await auditRows('workplan.activity_saved', created.id)).toEqual([]);
    // Reopened by its status: the changes go through again.
    const reopened = await call('binadik', 'PUT', base, {
      agreementId,
      title: 'Program Teknis Uji',
      ...PERIOD,
      status: 'active',
      version: 1,
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await call('binadik', 'POST', `${base}/activities`, activity())).statusCode).toBe(201);
  });
});

describe('changing the agreement', () => {
  it('refuses an agreement whose parties do not own a linked cohort', async () => {
    const db = t.database.db;
    const bapasProgram = await createProgram(db, { organizationId: BAPAS_ID });
    const bapasCohort = await createCohort(db, bapasProgram.id, {
      organizationId: BAPAS_ID,
      name: 'Angkatan Bapas Uji',
    });
    const created = await createWorkPlan(db, {
      agreementId,
      organizationId: LAPAS_ID,
      ...PERIOD,
      activities: [
        { responsibleOrganizationId: BAPAS_ID, title: 'Pelatihan di Bapas', cohortId: bapasCohort.id },
        { responsibleOrganizationId: LAPAS_ID, cohortId: lapasCohortId },
      ],
    });
    // LPP and the kecamatan: the Bapas cohort would be no party's.
    const other = (await createAgreement(db, { organizationId: LAPAS_ID, partyIds: [KECAMATAN_ID] })).id;
    const body = { agreementId: other, title: 'Program Teknis Uji', ...PERIOD, status: 'active', version: 1 };
    const refused = await call('binadik', 'PUT', `/api/work-plans/${created.id}`, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({
      agreementId:
        'Kegiatan "Pelatihan di Bapas" memakai angkatan pelatihan "Angkatan Bapas Uji" yang bukan milik salah satu pihak kesepakatan ini. Lepaskan angkatan itu dari kegiatan terlebih dahulu.',
    });
    // Once the cohort is unlinked, the plan moves (the LPP cohort stays: LPP is a party of both).
    await db
      .updateTable('work_plan_activity')
      .set({ cohort_id: null })
      .where('id', '=', created.activityIds[0] as string)
      .execute();
    const moved = await call('binadik', 'PUT', `/api/work-plans/${created.id}`, body);
    expect(moved.statusCode, moved.body).toBe(200);
    expect((moved.json() as WorkPlan).agreement.id).toBe(other);
  });
});

describe('the agreement’s effective status', () => {
  it('shows an agreement past its end date as expired, in the plan and the options', async () => {
    const db = t.database.db;
    const expired = (
      await createAgreement(db, {
        organizationId: LAPAS_ID,
        partyIds: [BAPAS_ID],
        status: 'signed',
        validFrom: '2024-01-01',
        validUntil: '2025-12-31',
      })
    ).id;
    const created = await createWorkPlan(db, { agreementId: expired, organizationId: LAPAS_ID });
    const plan = (await call('binadik', 'GET', `/api/work-plans/${created.id}`)).json() as WorkPlan;
    expect(plan.agreement).toMatchObject({ id: expired, status: 'expired', validUntil: '2025-12-31' });
    const options = (await call('binadik', 'GET', '/api/work-plans/options')).json() as WorkPlanOptions;
    expect(options.agreements.find((agreement) => agreement.id === expired)?.status).toBe('expired');
    expect(options.agreements.find((agreement) => agreement.id === agreementId)?.status).toBe('in_force');
  });
});

describe('responsible organizations a partner may choose', () => {
  it('lists no other partner, refuses one as responsible, and keeps the stored one', async () => {
    const db = t.database.db;
    const own = (await createOrganization(db, { kind: 'partner', name: 'Mitra Sendiri Uji' })).id;
    const coParty = (await createOrganization(db, { kind: 'partner', name: 'Mitra Sepihak Uji' })).id;
    await user('mitra', own, ['partner_staff']);
    const withPartners = (await createAgreement(db, { organizationId: LAPAS_ID, partyIds: [own, coParty] }))
      .id;

    const options = (
      await call('mitra', 'GET', `/api/work-plans/options?agreementId=${withPartners}`)
    ).json() as WorkPlanOptions;
    const offered = options.organizations.map((organization) => organization.id);
    // The agencies and her own organization; a partner that is a party of the agreement (named on it).
    expect(offered).toEqual(expect.arrayContaining([LAPAS_ID, BAPAS_ID, KECAMATAN_ID, own, coParty]));
    // No other partner: not even that it exists.
    expect(offered).not.toContain(directoryOrg);
    expect(offered).not.toContain(outsiderOrg);
    const plain = (await call('mitra', 'GET', '/api/work-plans/options')).json() as WorkPlanOptions;
    expect(plain.organizations.map((organization) => organization.id)).not.toContain(coParty);
    // Corrections staff still see the whole directory.
    const prison = (await call('binadik', 'GET', '/api/work-plans/options')).json() as WorkPlanOptions;
    expect(prison.organizations.map((organization) => organization.id)).toContain(directoryOrg);

    const created = await createWorkPlan(db, {
      agreementId: withPartners,
      organizationId: LAPAS_ID,
      ...PERIOD,
      activities: [{ responsibleOrganizationId: directoryOrg, title: 'Bazar mitra lain' }],
    });
    const base = `/api/work-plans/${created.id}/activities`;
    const hidden = await call('mitra', 'POST', base, activity({ responsibleOrganizationId: directoryOrg }));
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.fields).toEqual({
      responsibleOrganizationId: 'Organisasi penanggung jawab tidak dikenal. Pilih dari daftar organisasi.',
    });
    const party = await call('mitra', 'POST', base, activity({ responsibleOrganizationId: coParty }));
    expect(party.statusCode, party.body).toBe(201);
    // The activity another party gave to that partner keeps it when the partner's staff edits it.
    const kept = await call('mitra', 'PUT', `${base}/${created.activityIds[0]}`, {
      ...activity({ responsibleOrganizationId: directoryOrg, title: 'Bazar mitra lain (revisi)' }),
      status: 'planned',
      version: 1,
    });
    expect(kept.statusCode, kept.body).toBe(200);
  });
});

describe('the access rule in SQL (workplans.access.ts)', () => {
  it('is a party or responsible for an activity, for any plan-id column', async () => {
    const db = t.database.db;
    const created = await createWorkPlan(db, {
      agreementId,
      organizationId: LAPAS_ID,
      activities: [{ responsibleOrganizationId: KECAMATAN_ID }],
    });
    const reach = async (organizationId: string) =>
      db
        .selectFrom('work_plan as plan')
        .select([
          visibleWorkPlanSql(organizationId, 'plan.id').as('visible'),
          workPlanPartySql(organizationId, 'plan.agreement_id').as('party'),
        ])
        .where('plan.id', '=', created.id)
        .executeTakeFirstOrThrow();
    expect(await reach(BAPAS_ID)).toEqual({ visible: true, party: true });
    expect(await reach(KECAMATAN_ID)).toEqual({ visible: true, party: false });
    expect(await reach(outsiderOrg)).toEqual({ visible: false, party: false });
  });
});
