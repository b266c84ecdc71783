import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../../../../tests/factories/agreements.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createActionItem, createMeeting } from '../../../../tests/factories/meetings.ts';
import { createWorkPlan } from '../../../../tests/factories/workplans.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { addDays } from '../../../shared/dates.ts';
import type { ActivityReport, GovernanceOverview, MyActionItems } from '../../../shared/governance.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

// The governance views: the overview (action items by owner organization and paged, agreements by effective
// status and by expiry), the caller's own action items, and activity reports (templates, edit with a
// version, finalize, PDF, access by the organization that made it).

let t: TestApp;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};
const items: Record<string, string> = {};
const agreements: Record<string, string> = {};
let outsiderOrg: string;
let attendeeOrg: string;
let meetingId: string;
let cancelledMeetingId: string;
let plannedMeetingId: string;
let activityId: string;
let plannedActivityId: string;
let cancelledActivityId: string;
let workPlanId: string;

/** yyyy-mm-dd, `n` days after today (before when negative). */
const day = (n: number) => addDays(today(), n);

async function user(name: string, organizationId: string, roles: RoleCode[], fullName = `Petugas ${name}`) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

const session = (name: string) => as[name] as Session;

async function overview(name: string, query = '') {
  const response = await session(name).request({ method: 'GET', url: `/api/governance/overview${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as GovernanceOverview;
}

const titles = (result: GovernanceOverview) => result.actionItems.items.map((item) => item.title);

async function auditRows(action: string, subjectId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'subject_organization_id', 'details'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  outsiderOrg = (await createOrganization(db, { kind: 'partner', name: 'Mitra Luar Uji' })).id;
  // Attends the Lapas's meeting, owns none of its items, is no party of its agreements or work plans.
  attendeeOrg = (await createOrganization(db, { kind: 'partner', name: 'Mitra Hadir Uji' })).id;
  await user('lapas', LAPAS_ID, ['prison_binadik'], 'Rina Kartika');
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('kecamatan', KECAMATAN_ID, ['district_staff']);
  await user('bapas', BAPAS_ID, ['probation_officer']);
  await user('outsider', outsiderOrg, ['partner_staff']);
  await user('attendee', attendeeOrg, ['partner_staff']);
  await user('viewer', KECAMATAN_ID, ['viewer']);
  await user('admin', LAPAS_ID, ['system_admin']);

  // Agreements of the Lapas (with the Kecamatan): one of each effective status but agreed and renewed; and
  // one between the outsider and the Bapas that the Lapas does not see.
  agreements.draft = (
    await createAgreement(db, { organizationId: LAPAS_ID, partyIds: [KECAMATAN_ID], title: 'Draf MoU' })
  ).id;
  agreements.review = (
    await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [KECAMATAN_ID],
      status: 'in_review',
      title: 'MoU Ditinjau',
    })
  ).id;
  agreements.inForce = (
    await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [KECAMATAN_ID, BAPAS_ID],
      status: 'signed',
      title: 'MoU Berlaku',
      validFrom: day(-300),
      validUntil: day(40),
    })
  ).id;
  agreements.expired = (
    await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [KECAMATAN_ID],
      status: 'signed',
      title: 'MoU Kedaluwarsa',
      validFrom: day(-700),
      validUntil: day(-5),
    })
  ).id;
  agreements.future = (
    await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [KECAMATAN_ID],
      status: 'signed',
      title: 'MoU Belum Berlaku',
      validFrom: day(10),
      validUntil: day(400),
    })
  ).id;
  agreements.terminated = (
    await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [KECAMATAN_ID],
      status: 'terminated',
      title: 'MoU Diakhiri',
    })
  ).id;
  // Discarded: hidden from the lists by default, not counted by the overview.
  agreements.discarded = (
    await createAgreement(db, { organizationId: LAPAS_ID, partyIds: [KECAMATAN_ID], title: 'MoU Dibuang' })
  ).id;
  await db
    .updateTable('agreement')
    .set({ status: 'discarded' })
    .where('id', '=', agreements.discarded)
    .execute();
  agreements.foreign = (
    await createAgreement(db, {
      organizationId: outsiderOrg,
      partyIds: [BAPAS_ID],
      status: 'signed',
      title: 'MoU Luar',
      validFrom: day(-10),
      validUntil: day(20),
    })
  ).id;

  // The Lapas's meeting, attended by the Kecamatan, with its present attendees, agenda and decisions.
  const meeting = await createMeeting(db, {
    organizationId: LAPAS_ID,
    title: 'Rapat Koordinasi Desa Binaan Triwulan II',
    heldOn: '2026-04-27',
    place: 'Kantor Kecamatan Semarang Barat',
    status: 'held',
  });
  meetingId = meeting.id;
  await db
    .updateTable('meeting')
    .set({ chair: 'Camat Semarang Barat' })
    .where('id', '=', meetingId)
    .execute();
  await db
    .insertInto('meeting_attendee')
    .values(
      [
        [1, 'Dra. Sri Wahyuningsih', 'Kepala Lapas', LAPAS_ID, null, 'present'],
        [2, 'Rina Kartika', 'Kepala Seksi Binadik', LAPAS_ID, null, 'present'],
        [3, 'Siti Rahayu', 'Camat', KECAMATAN_ID, null, 'present'],
        [4, 'Agus Salim', 'Lurah', null, 'Kelurahan Krobokan', 'present'],
        [5, 'Budi Santoso', 'Sekretaris Camat', KECAMATAN_ID, null, 'absent'],
        [6, 'Dewi Lestari', null, null, 'Konveksi Maju Bersama', 'present'],
        [7, 'Yusuf Hadi', 'Staf Mitra', attendeeOrg, null, 'absent'],
      ].map(([position, name, job_title, organization_id, organization_name, attendance]) => ({
        meeting_id: meetingId,
        position: position as number,
        name: name as string,
        job_title: job_title as string | null,
        organization_id: organization_id as string | null,
        organization_name: organization_name as string | null,
        attendance: attendance as 'present' | 'absent',
      })),
    )
    .execute();
  await db
    .insertInto('meeting_agenda_item')
    .values([
      {
        meeting_id: meetingId,
        position: 1,
        kind: 'carry_over',
        title: 'Tindak lanjut hasil rapat sebelumnya',
      },
      { meeting_id: meetingId, position: 2, title: 'Rencana bazar produk warga binaan' },
    ])
    .execute();
  await db
    .insertInto('meeting_decision')
    .values([
      {
        meeting_id: meetingId,
        position: 1,
        text: 'Bazar diselenggarakan pada Juni 2026 di Kelurahan Krobokan.',
      },
      {
        meeting_id: meetingId,
        position: 2,
        text: 'Lapas menyiapkan daftar produk paling lambat 15 Mei 2026.',
      },
    ])
    .execute();
  cancelledMeetingId = (
    await createMeeting(db, { organizationId: LAPAS_ID, title: 'Rapat Batal', status: 'cancelled' })
  ).id;
  plannedMeetingId = (
    await createMeeting(db, { organizationId: LAPAS_ID, title: 'Rapat Mendatang', status: 'planned' })
  ).id;

  const item = async (name: string, options: Parameters<typeof createActionItem>[1]) => {
    items[name] = (await createActionItem(db, { title: name, ...options })).id;
  };
  await item('A terlambat', {
    meetingId,
    ownerOrganizationId: LAPAS_ID,
    ownerUserId: ids.lapas,
    dueOn: day(-5),
    agreementId: agreements.inForce,
  });
  await item('B berjalan', {
    meetingId,
    ownerOrganizationId: KECAMATAN_ID,
    ownerName: 'Sekretaris Camat',
    dueOn: day(3),
    status: 'in_progress',
    agreementId: agreements.foreign,
  });
  await item('C selesai', { meetingId, ownerOrganizationId: LAPAS_ID, dueOn: day(-1), status: 'done' });
  await item('D Bapas', {
    meetingId,
    ownerOrganizationId: BAPAS_ID,
    ownerName: 'Kasubsi BKD',
    dueOn: day(10),
  });
  await item('E batal', {
    meetingId,
    ownerOrganizationId: KECAMATAN_ID,
    dueOn: day(-2),
    status: 'cancelled',
  });
  await item('F segera', {
    meetingId,
    ownerOrganizationId: LAPAS_ID,
    ownerUserId: ids.lapas,
    dueOn: day(1),
    status: 'in_progress',
  });
  // The outsider's own meeting: nothing of it reaches the Lapas.
  const foreign = await createMeeting(db, { organizationId: outsiderOrg, title: 'Rapat Mitra Luar' });
  await item('X luar', { meetingId: foreign.id, ownerOrganizationId: outsiderOrg, dueOn: day(-10) });

  // A work plan of the in-force agreement with activities carried out by the Kecamatan: one done, one
  // planned, one cancelled.
  const plan = await createWorkPlan(db, {
    agreementId: agreements.inForce as string,
    organizationId: LAPAS_ID,
    title: 'Program Teknis Desa Binaan 2026',
    activities: [
      {
        kind: 'village_socialization',
        title: 'Sosialisasi Desa Binaan di Kelurahan Krobokan',
        responsibleOrganizationId: KECAMATAN_ID,
        location: 'Balai Kelurahan Krobokan',
        startsOn: '2026-05-04',
        endsOn: '2026-05-06',
        status: 'done',
      },
      { title: 'Bazar Produk', responsibleOrganizationId: KECAMATAN_ID, status: 'planned' },
      { title: 'Pendampingan Batal', responsibleOrganizationId: KECAMATAN_ID, status: 'cancelled' },
    ],
  });
  [activityId, plannedActivityId, cancelledActivityId] = plan.activityIds as [string, string, string];
  workPlanId = plan.id;
  // Item B is about the Kecamatan's activity of that work plan.
  await db
    .updateTable('action_item')
    .set({ work_plan_activity_id: activityId })
    .where('id', '=', items['B berjalan'] as string)
    .execute();
});
afterAll(() => t.close());

describe('overview: action items', () => {
  it('counts open (overdue included), overdue and done by owner organization, most overdue first', async () => {
    const result = await overview('lapas');
    const counts = result.actionItems.byOrganization;
    expect(counts[0]).toEqual({
      organization: { id: LAPAS_ID, name: 'Lapas Perempuan Kelas IIA Semarang' },
      open: 2,
      overdue: 1,
      done: 1,
    });
    expect(counts.slice(1)).toEqual([
      {
        organization: { id: BAPAS_ID, name: 'Balai Pemasyarakatan Kelas I Semarang' },
        open: 1,
        overdue: 0,
        done: 0,
      },
      { organization: { id: KECAMATAN_ID, name: 'Kecamatan Semarang Barat' }, open: 1, overdue: 0, done: 0 },
    ]);
    expect(result.actionItems.totals).toEqual({ open: 4, overdue: 1, done: 1 });
    // The outsider's own item is nowhere.
    expect(counts.some((entry) => entry.organization.id === outsiderOrg)).toBe(false);
  });

  it('lists overdue first, then by due date, with owner, meeting, overdue days and the visible links', async () => {
    const result = await overview('lapas');
    expect(titles(result)).toEqual([
      'A terlambat',
      'E batal',
      'C selesai',
      'F segera',
      'B berjalan',
      'D Bapas',
    ]);
    expect(result.actionItems.total).toBe(6);
    const [a] = result.actionItems.items;
    expect(a).toMatchObject({
      id: items['A terlambat'],
      meeting: { id: meetingId, title: 'Rapat Koordinasi Desa Binaan Triwulan II', heldOn: '2026-04-27' },
      ownerOrganization: { id: LAPAS_ID },
      ownerUserId: ids.lapas,
      ownerName: 'Rina Kartika',
      dueOn: day(-5),
      status: 'open',
      overdue: true,
      daysOverdue: 5,
      agreement: { id: agreements.inForce, title: 'MoU Berlaku' },
      activity: null,
      canUpdate: true,
    });
    // An agreement the Lapas is no party to is not named.
    const b = result.actionItems.items.find((item) => item.title === 'B berjalan');
    expect(b).toMatchObject({
      ownerName: 'Sekretaris Camat',
      overdue: false,
      daysOverdue: null,
      agreement: null,
    });
  });

  it('filters by owner organization and status (overdue, pending, done), and pages', async () => {
    expect(titles(await overview('lapas', '?status=overdue'))).toEqual(['A terlambat']);
    expect(titles(await overview('lapas', '?status=pending'))).toEqual([
      'A terlambat',
      'F segera',
      'B berjalan',
      'D Bapas',
    ]);
    expect(titles(await overview('lapas', '?status=done'))).toEqual(['C selesai']);
    expect(titles(await overview('lapas', `?organizationId=${KECAMATAN_ID}`))).toEqual([
      'E batal',
      'B berjalan',
    ]);
    const filtered = await overview('lapas', `?organizationId=${KECAMATAN_ID}&status=in_progress`);
    expect(titles(filtered)).toEqual(['B berjalan']);
    // The groups are not filtered.
    expect(filtered.actionItems.byOrganization).toHaveLength(3);
    const page = await overview('lapas', '?page=2&pageSize=2');
    expect(page.actionItems).toMatchObject({ page: 2, pageSize: 2, total: 6 });
    expect(titles(page)).toEqual(['C selesai', 'F segera']);
  });

  it('shows an owner organization the meeting of its item; it updates only its own items', async () => {
    // The Bapas neither organized nor attended, but owns item D: it sees the meeting's items.
    const result = await overview('bapas');
    expect(titles(result)).toHaveLength(6);
    const canUpdate = Object.fromEntries(
      result.actionItems.items.map((item) => [item.title, item.canUpdate]),
    );
    expect(canUpdate['D Bapas']).toBe(true);
    expect(canUpdate['A terlambat']).toBe(false);
    // The outsider sees only its own meeting.
    expect(titles(await overview('outsider'))).toEqual(['X luar']);
  });

  it('shows an attendee-only organization the meeting’s items, none of them its to update', async () => {
    const result = await overview('attendee');
    expect(titles(result)).toEqual([
      'A terlambat',
      'E batal',
      'C selesai',
      'F segera',
      'B berjalan',
      'D Bapas',
    ]);
    expect(result.actionItems.items.every((item) => !item.canUpdate)).toBe(true);
    expect(result.actionItems.byOrganization.some((entry) => entry.organization.id === attendeeOrg)).toBe(
      false,
    );
  });

  it('names a work-plan activity only to those who see its work plan', async () => {
    const b = (await overview('lapas')).actionItems.items.find((item) => item.title === 'B berjalan');
    expect(b?.activity).toEqual({
      id: activityId,
      workPlanId,
      title: 'Sosialisasi Desa Binaan di Kelurahan Krobokan',
    });
    // The attendee is no party of the agreement and responsible for no activity of the plan.
    const hidden = (await overview('attendee')).actionItems.items.find((item) => item.title === 'B berjalan');
    expect(hidden?.activity).toBeNull();
    expect(hidden?.agreement).toBeNull();
  });

  it('refuses a bad status and roles without governance (viewer, administrator)', async () => {
    const bad = await session('lapas').request({
      method: 'GET',
      url: '/api/governance/overview?status=late',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('status');
    for (const name of ['viewer', 'admin']) {
      const response = await session(name).request({ method: 'GET', url: '/api/governance/overview' });
      expect(response.statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/governance/overview' })).statusCode).toBe(401);
  });
});

describe('overview: agreements', () => {
  it('counts the agreements of the caller’s organization by effective status, zeros included, discarded ones left out', async () => {
    const { agreements: result } = await overview('lapas');
    expect(Object.fromEntries(result.byStatus.map((entry) => [entry.status, entry.count]))).toEqual({
      draft: 1,
      in_review: 1,
      agreed: 0,
      signed: 1,
      in_force: 1,
      expired: 1,
      terminated: 1,
      renewed: 0,
    });
    // The discarded draft is neither a status here nor in the total.
    expect(result.byStatus.map((entry) => entry.status)).not.toContain('discarded');
    expect(result.total).toBe(6);
  });

  it('lists the signed ones by expiry with the days left (negative once expired)', async () => {
    const { agreements: result } = await overview('lapas');
    expect(result.signed.map((entry) => [entry.title, entry.effectiveStatus, entry.daysLeft])).toEqual([
      ['MoU Kedaluwarsa', 'expired', -5],
      ['MoU Berlaku', 'in_force', 40],
      ['MoU Belum Berlaku', 'signed', 400],
    ]);
    expect(result.signed[1]).toMatchObject({
      id: agreements.inForce,
      kind: 'mou',
      validUntil: day(40),
      parties: [
        'Lapas Perempuan Kelas IIA Semarang',
        'Kecamatan Semarang Barat',
        'Balai Pemasyarakatan Kelas I Semarang',
      ],
    });
    // The Bapas is party to the in-force one and the outsider's.
    const bapas = await overview('bapas');
    expect(bapas.agreements.signed.map((entry) => entry.title)).toEqual(['MoU Luar', 'MoU Berlaku']);
  });
});

describe('my action items', () => {
  it('lists the caller’s own open and in-progress items, overdue first', async () => {
    const response = await session('lapas').request({
      method: 'GET',
      url: '/api/governance/my-action-items',
    });
    expect(response.statusCode).toBe(200);
    const result = response.json() as MyActionItems;
    expect(result.items.map((item) => item.title)).toEqual(['A terlambat', 'F segera']);
    expect(result).toMatchObject({ total: 2, overdue: 1, page: 1 });
    const other = await session('giatja').request({ method: 'GET', url: '/api/governance/my-action-items' });
    expect((other.json() as MyActionItems).items).toEqual([]);
    const viewer = await session('viewer').request({ method: 'GET', url: '/api/governance/my-action-items' });
    expect(viewer.statusCode).toBe(403);
  });

  it('no longer shows her the items of an organization she was moved away from', async () => {
    const db = t.database.db;
    const origin = (await createOrganization(db, { kind: 'partner', name: 'Mitra Asal Uji' })).id;
    await user('mover', origin, ['partner_staff'], 'Sari Pindah');
    const meeting = await createMeeting(db, { organizationId: origin, title: 'Rapat Mitra Asal' });
    await createActionItem(db, {
      meetingId: meeting.id,
      ownerOrganizationId: origin,
      ownerUserId: ids.mover,
      title: 'Rahasia Mitra Asal',
      dueOn: day(-1),
    });
    const mine = async () => {
      const response = await session('mover').request({
        method: 'GET',
        url: '/api/governance/my-action-items',
      });
      expect(response.statusCode).toBe(200);
      return response.json() as MyActionItems;
    };
    expect((await mine()).items.map((item) => item.title)).toEqual(['Rahasia Mitra Asal']);
    // An administrator moves her to the Kecamatan: the item stays with the partner (owner_user_id kept).
    await db
      .updateTable('app_user')
      .set({ organization_id: KECAMATAN_ID })
      .where('id', '=', ids.mover as string)
      .execute();
    await db
      .deleteFrom('user_role')
      .where('user_id', '=', ids.mover as string)
      .execute();
    await db
      .insertInto('user_role')
      .values({ user_id: ids.mover as string, role_code: 'district_staff' })
      .execute();
    const username = await db
      .selectFrom('app_user')
      .select('username')
      .where('id', '=', ids.mover as string)
      .executeTakeFirstOrThrow();
    as.mover = await signIn(t.app, username.username, TEST_PASSWORD);
    expect(await mine()).toMatchObject({ items: [], total: 0, overdue: 0 });
    expect(titles(await overview('mover'))).not.toContain('Rahasia Mitra Asal');
  });
});

describe('activity reports', () => {
  async function create(name: string, payload: Record<string, unknown>) {
    return session(name).request({ method: 'POST', url: '/api/governance/activity-reports', payload });
  }

  it('fills a report of a meeting from templates: exact text, participants present, decisions', async () => {
    const response = await create('lapas', { meetingId });
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json() as ActivityReport;
    expect(report).toMatchObject({
      organization: { id: LAPAS_ID },
      source: {
        kind: 'meeting',
        id: meetingId,
        title: 'Rapat Koordinasi Desa Binaan Triwulan II',
        workPlanId: null,
      },
      title: 'Rapat Koordinasi Desa Binaan Triwulan II',
      heldOn: '2026-04-27',
      place: 'Kantor Kecamatan Semarang Barat',
      status: 'draft',
      version: 1,
      canEdit: true,
      createdByName: 'Rina Kartika',
    });
    expect(report.summary).toBe(
      'Pada hari Senin, 27 April 2026, pukul 09.00–11.00 WIB, bertempat di Kantor Kecamatan Semarang Barat, ' +
        'Lapas Perempuan Kelas IIA Semarang melaksanakan Rapat Koordinasi Desa Binaan Triwulan II. ' +
        'Rapat dipimpin oleh Camat Semarang Barat. ' +
        'Kegiatan dihadiri oleh Kepala Lapas dan Kepala Seksi Binadik (Lapas Perempuan Kelas IIA Semarang), ' +
        'Camat (Kecamatan Semarang Barat), Lurah (Kelurahan Krobokan), dan Dewi Lestari (Konveksi Maju Bersama). ' +
        'Agenda yang dibahas: (1) Tindak lanjut hasil rapat sebelumnya; dan (2) Rencana bazar produk warga binaan.',
    );
    expect(report.participants).toBe(
      [
        '1. Dra. Sri Wahyuningsih — Kepala Lapas, Lapas Perempuan Kelas IIA Semarang',
        '2. Rina Kartika — Kepala Seksi Binadik, Lapas Perempuan Kelas IIA Semarang',
        '3. Siti Rahayu — Camat, Kecamatan Semarang Barat',
        '4. Agus Salim — Lurah, Kelurahan Krobokan',
        '5. Dewi Lestari — Konveksi Maju Bersama',
      ].join('\n'),
    );
    expect(report.decisions).toBe(
      '1. Bazar diselenggarakan pada Juni 2026 di Kelurahan Krobokan.\n' +
        '2. Lapas menyiapkan daftar produk paling lambat 15 Mei 2026.',
    );
    const [entry] = await auditRows('activity_report.created', report.id);
    expect(entry).toMatchObject({
      actor_user_id: ids.lapas,
      subject_organization_id: LAPAS_ID,
      details: { meetingId },
    });
  });

  it('writes the templates in English when asked', async () => {
    const report = (await create('lapas', { meetingId, language: 'en' })).json() as ActivityReport;
    expect(report.summary).toMatch(
      /^On Monday, 27 April 2026, from 09:00 to 11:00 \(WIB\), at Kantor Kecamatan Semarang Barat, Lapas Perempuan Kelas IIA Semarang held Rapat Koordinasi Desa Binaan Triwulan II\. The meeting was chaired by Camat Semarang Barat\. It was attended by Kepala Lapas and Kepala Seksi Binadik/,
    );
  });

  it('fills a report of a work-plan activity from templates', async () => {
    const response = await create('kecamatan', { activityId });
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json() as ActivityReport;
    expect(report).toMatchObject({
      organization: { id: KECAMATAN_ID },
      source: { kind: 'activity', id: activityId, title: 'Sosialisasi Desa Binaan di Kelurahan Krobokan' },
      title: 'Sosialisasi Desa Binaan di Kelurahan Krobokan',
      heldOn: '2026-05-04',
      place: 'Balai Kelurahan Krobokan',
      participants: '1. Kecamatan Semarang Barat',
      decisions: null,
    });
    expect(report.summary).toBe(
      'Pada hari Senin, 4 Mei 2026 sampai dengan Rabu, 6 Mei 2026, bertempat di Balai Kelurahan Krobokan, ' +
        'Kecamatan Semarang Barat melaksanakan Sosialisasi Desa Binaan di Kelurahan Krobokan. ' +
        'Kegiatan ini merupakan bagian dari Program Teknis Desa Binaan 2026 dalam rangka pelaksanaan MoU Berlaku.',
    );
  });

  it('refuses a meeting not held (planned, cancelled) and an activity not under way', async () => {
    const planned = await create('lapas', { meetingId: plannedMeetingId });
    expect(planned.statusCode).toBe(400);
    expect(planned.json().error.fields.meetingId).toBe(
      'Rapat ini belum terlaksana. Tandai rapat sebagai terlaksana terlebih dahulu, lalu buat laporan kegiatannya.',
    );
    const cancelled = await create('lapas', { meetingId: cancelledMeetingId });
    expect(cancelled.json().error.fields.meetingId).toMatch(/dibatalkan/);
    for (const id of [plannedActivityId, cancelledActivityId]) {
      const response = await create('kecamatan', { activityId: id });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields.activityId).toMatch(
        /^Kegiatan ini belum berjalan .* Laporan kegiatan hanya untuk kegiatan yang sedang berjalan atau selesai\.$/,
      );
    }
    // In progress is reportable.
    await t.database.db
      .updateTable('work_plan_activity')
      .set({ status: 'in_progress' })
      .where('id', '=', plannedActivityId)
      .execute();
    expect((await create('kecamatan', { activityId: plannedActivityId })).statusCode).toBe(201);
    await t.database.db
      .updateTable('work_plan_activity')
      .set({ status: 'planned' })
      .where('id', '=', plannedActivityId)
      .execute();
  });

  it('refuses a meeting the organization only owns an item of (it neither organized nor attended it)', async () => {
    // The Bapas sees the meeting through item D, but did not take part in it.
    const response = await create('bapas', { meetingId });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.meetingId).toBe(
      'Instansi Anda tidak menyelenggarakan atau menghadiri rapat ini, jadi tidak dapat membuat laporan kegiatannya.',
    );
    // An attendee organization may report on it.
    expect((await create('attendee', { meetingId })).statusCode).toBe(201);
  });

  it('refuses a missing or double source, one the caller does not see, and a cancelled meeting', async () => {
    const neither = await create('lapas', {});
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.fields.meetingId).toBe(
      'Pilih satu sumber laporan: rapat atau kegiatan program teknis.',
    );
    expect((await create('lapas', { meetingId, activityId })).statusCode).toBe(400);
    const unseen = await create('outsider', { meetingId });
    expect(unseen.statusCode).toBe(400);
    expect(unseen.json().error.fields.meetingId).toMatch(/^Rapat tidak ditemukan/);
    const activity = await create('outsider', { activityId });
    expect(activity.json().error.fields.activityId).toMatch(/^Kegiatan program teknis tidak ditemukan/);
    const cancelled = await create('lapas', { meetingId: cancelledMeetingId });
    expect(cancelled.json().error.fields.meetingId).toMatch(/dibatalkan/);
    expect((await create('viewer', { meetingId })).statusCode).toBe(403);
  });

  it('is the creating organization’s alone: others get 404, lists show only their own', async () => {
    const report = (await create('lapas', { meetingId })).json() as ActivityReport;
    // The Kecamatan attended the meeting, but the report is the Lapas's.
    const other = await session('kecamatan').request({
      method: 'GET',
      url: `/api/governance/activity-reports/${report.id}`,
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('ACTIVITY_REPORT_NOT_FOUND');
    const put = await session('kecamatan').request({
      method: 'PUT',
      url: `/api/governance/activity-reports/${report.id}`,
      payload: { version: 1, title: 'Diambil alih', heldOn: '2026-04-27' },
    });
    expect(put.statusCode).toBe(404);
    const pdf = await session('kecamatan').request({
      method: 'GET',
      url: `/api/governance/activity-reports/${report.id}/pdf`,
    });
    expect(pdf.statusCode).toBe(404);
    // A colleague of the same organization reads and edits it.
    const colleague = await session('giatja').request({
      method: 'GET',
      url: `/api/governance/activity-reports/${report.id}`,
    });
    expect(colleague.statusCode).toBe(200);
    const list = await session('kecamatan').request({
      method: 'GET',
      url: '/api/governance/activity-reports',
    });
    expect(
      list.json().items.every((item: { source: { kind: string } }) => item.source.kind === 'activity'),
    ).toBe(true);
    const lapas = await session('lapas').request({
      method: 'GET',
      url: '/api/governance/activity-reports?q=triwulan&pageSize=2',
    });
    expect(lapas.json()).toMatchObject({ pageSize: 2, total: expect.any(Number) });
    expect(lapas.json().total).toBeGreaterThanOrEqual(3);
    expect(lapas.json().items).toHaveLength(2);
    const none = await session('lapas').request({
      method: 'GET',
      url: '/api/governance/activity-reports?q=tidakada',
    });
    expect(none.json().total).toBe(0);
  });

  it('saves with the version: stale → 409, unchanged writes nothing, field errors in Indonesian', async () => {
    const report = (await create('lapas', { meetingId })).json() as ActivityReport;
    const url = `/api/governance/activity-reports/${report.id}`;
    const body = {
      version: 1,
      title: report.title,
      heldOn: report.heldOn,
      place: report.place,
      participants: report.participants,
      summary: `${report.summary}\n\nDokumentasi terlampir.`,
      decisions: report.decisions,
    };
    const saved = await session('lapas').request({ method: 'PUT', url, payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, summary: body.summary });
    const [entry] = await auditRows('activity_report.updated', report.id);
    expect(entry?.details).toEqual({ changed: ['summary'], version: 2 });

    const stale = await session('giatja').request({
      method: 'PUT',
      url,
      payload: { ...body, place: 'Aula Lapas' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const same = await session('lapas').request({ method: 'PUT', url, payload: { ...body, version: 2 } });
    expect(same.json().version).toBe(2);
    expect(await auditRows('activity_report.updated', report.id)).toHaveLength(1);

    const empty = await session('lapas').request({
      method: 'PUT',
      url,
      payload: { ...body, version: 2, title: ' ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.title).toMatch(/\S/);
    const cleared = await session('lapas').request({
      method: 'PUT',
      url,
      payload: { ...body, version: 2, place: '', decisions: null },
    });
    expect(cleared.json()).toMatchObject({ version: 3, place: null, decisions: null });
  });

  it('finalizes once: a final report can no longer be saved', async () => {
    const report = (await create('lapas', { meetingId })).json() as ActivityReport;
    const url = `/api/governance/activity-reports/${report.id}`;
    const stale = await session('lapas').request({
      method: 'POST',
      url: `${url}/finalize`,
      payload: { version: 2 },
    });
    expect(stale.statusCode).toBe(409);
    const final = await session('lapas').request({
      method: 'POST',
      url: `${url}/finalize`,
      payload: { version: 1 },
    });
    expect(final.statusCode).toBe(200);
    expect(final.json()).toMatchObject({ status: 'final', version: 2, canEdit: false });
    const again = await session('lapas').request({
      method: 'POST',
      url: `${url}/finalize`,
      payload: { version: 2 },
    });
    expect(again.json().error.code).toBe('ACTIVITY_REPORT_FINAL');
    const put = await session('lapas').request({
      method: 'PUT',
      url,
      payload: { version: 2, title: 'Ubah', heldOn: report.heldOn },
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.message).toBe('Laporan kegiatan ini sudah final dan tidak dapat diubah lagi.');
    const [entry] = await auditRows('activity_report.updated', report.id);
    expect(entry?.details).toEqual({ status: 'final', version: 2 });
    const finals = await session('lapas').request({
      method: 'GET',
      url: '/api/governance/activity-reports?status=final',
    });
    expect(finals.json().items.map((item: { id: string }) => item.id)).toEqual([report.id]);
  });

  it('exports the PDF and audits it', async () => {
    const report = (await create('lapas', { meetingId })).json() as ActivityReport;
    const response = await session('lapas').request({
      method: 'GET',
      url: `/api/governance/activity-reports/${report.id}/pdf`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('laporan-kegiatan-2026-04-27.pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The document's title (PDF metadata, UTF-16BE) names the report in the caller's language; one page.
    const utf16 = (text: string) => Buffer.from(text, 'utf16le').swap16();
    expect(pdf.includes(utf16('LAPORAN KEGIATAN \u2014 Rapat Koordinasi Desa Binaan Triwulan II'))).toBe(
      true,
    );
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    const [entry] = await auditRows('activity_report.exported', report.id);
    expect(entry).toMatchObject({ actor_user_id: ids.lapas, details: { format: 'pdf', status: 'draft' } });
  });
});
