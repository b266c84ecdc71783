import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createActionItem, createMeeting } from '../../../../tests/factories/meetings.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type {
  ActionItem,
  CreateActionItemRequest,
  CreateMeetingRequest,
  MeetingActionItems,
  MeetingDetail,
  MeetingList,
  MeetingPeople,
  MeetingPhoto,
} from '../../../shared/meetings.ts';
import { CARRY_OVER_TITLE } from '../../../shared/meetings.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

// Coordination meetings through the API: the organizer's staff create and edit (particulars, agenda,
// attendees, minutes, decisions, attendance, action items, photos); attending organizations read; the owner
// organization of an action item updates its progress; everyone else gets 404. Open action items carry over
// into the next meeting. Every change is audited; versions guard every save.

let t: TestApp;
let dir: string;
let partnerId: string;
let otherPartnerId: string;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function user(
  name: string,
  organizationId: string,
  roles: RoleCode[],
  options: { active?: boolean; position?: string } = {},
) {
  const created = await createUser(t.database.db, {
    organizationId,
    roles,
    fullName: `Petugas ${name}`,
    active: options.active ?? true,
  });
  if (options.position)
    await t.database.db
      .updateTable('app_user')
      .set({ position: options.position })
      .where('id', '=', created.id)
      .execute();
  ids[name] = created.id;
  if (options.active !== false) as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sinergi-meetings-'));
  t = await createTestApp({ env: { DOCUMENTS_DIR: dir } });
  const db = t.database.db;
  partnerId = (await createOrganization(db, { kind: 'partner', name: 'Mitra Busana Uji' })).id;
  otherPartnerId = (await createOrganization(db, { kind: 'partner', name: 'Mitra Lain Uji' })).id;
  await user('camat', KECAMATAN_ID, ['district_staff'], { position: 'Sekretaris Camat' });
  await user('camatHead', KECAMATAN_ID, ['district_head'], { position: 'Camat Semarang Barat' });
  await user('lapas', LAPAS_ID, ['prison_binadik'], { position: 'Kepala Seksi Binadik' });
  await user('bapas', BAPAS_ID, ['probation_officer'], { position: 'Pembimbing Kemasyarakatan' });
  await user('partner', partnerId, ['partner_staff'], { position: 'Manajer Program' });
  await user('otherPartner', otherPartnerId, ['partner_staff']);
  await user('viewer', LAPAS_ID, ['viewer']);
  await user('gone', LAPAS_ID, ['prison_giatja'], { active: false });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const session = (name: string) => as[name] as Session;
const call = (name: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  session(name).request({ method, url, ...(payload && { payload }) });

/** yyyy-mm-dd, `days` after today. */
function day(days: number) {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const base = (overrides: Partial<CreateMeetingRequest> = {}): CreateMeetingRequest => ({
  title: 'Rapat koordinasi Desa Binaan',
  heldOn: day(-10),
  startsAt: '09:00',
  endsAt: '11:30',
  place: 'Aula Kantor Kecamatan Semarang Barat',
  chair: 'Camat Semarang Barat',
  noteTaker: 'Sekretaris Camat',
  agenda: [{ title: 'Pembukaan' }, { title: 'Rancangan MoU', presenter: 'Kepala Lapas' }],
  attendees: [],
  ...overrides,
});

async function createAs(name: string, body: CreateMeetingRequest) {
  const response = await call(name, 'POST', '/api/meetings', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as MeetingDetail;
}

/** A meeting of the kecamatan with the prison's user and a Bapas guest attending. */
async function meeting(overrides: Partial<CreateMeetingRequest> = {}) {
  return createAs(
    'camat',
    base({
      attendees: [
        { userId: ids.lapas },
        { name: 'Budi Santoso', jobTitle: 'Kepala Seksi Bimbingan Klien', organizationId: BAPAS_ID },
        { name: 'Ibu RT 05', jobTitle: 'Ketua RT', organizationName: 'RT 05 Krobokan' },
      ],
      ...overrides,
    }),
  );
}

/** The body of a PUT that keeps everything as it is. */
function unchanged(detail: MeetingDetail) {
  return {
    version: detail.version,
    title: detail.title,
    heldOn: detail.heldOn,
    startsAt: detail.startsAt,
    endsAt: detail.endsAt,
    place: detail.place,
    chair: detail.chair,
    noteTaker: detail.noteTaker,
    status: detail.status,
    agenda: detail.agenda.map((item) => ({ id: item.id, title: item.title, presenter: item.presenter })),
    attendees: detail.attendees.map((attendee) =>
      attendee.userId
        ? { id: attendee.id, userId: attendee.userId }
        : {
            id: attendee.id,
            name: attendee.name,
            jobTitle: attendee.jobTitle,
            ...(attendee.organizationId
              ? { organizationId: attendee.organizationId }
              : { organizationName: attendee.organizationName }),
          },
    ),
  };
}

const fieldsOf = (response: { json(): unknown }) =>
  (response.json() as { error: { fields?: Record<string, string> } }).error.fields ?? {};
const codeOf = (response: { json(): unknown }) => (response.json() as { error: { code: string } }).error.code;

const auditRows = (action: string, subjectId: string) =>
  t.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor_user_id', 'subject_type', 'subject_organization_id', 'details'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .orderBy('at')
    .execute();

describe('creating a meeting', () => {
  it('stores particulars, agenda and attendees (users copied from their account, guests as typed); audited', async () => {
    const detail = await meeting();
    expect(detail).toMatchObject({
      title: 'Rapat koordinasi Desa Binaan',
      startsAt: '09:00',
      endsAt: '11:30',
      status: 'planned',
      organizer: { id: KECAMATAN_ID, name: 'Kecamatan Semarang Barat' },
      version: 1,
      canEdit: true,
      canManageActionItems: true,
      createdBy: 'Petugas camat',
    });
    expect(detail.agenda.map((item) => [item.position, item.kind, item.title, item.presenter])).toEqual([
      [1, 'regular', 'Pembukaan', null],
      [2, 'regular', 'Rancangan MoU', 'Kepala Lapas'],
    ]);
    expect(
      detail.attendees.map(({ kind, name, jobTitle, organizationId, organizationName, attendance }) => ({
        kind,
        name,
        jobTitle,
        organizationId,
        organizationName,
        attendance,
      })),
    ).toEqual([
      {
        kind: 'user',
        name: 'Petugas lapas',
        jobTitle: 'Kepala Seksi Binadik',
        organizationId: LAPAS_ID,
        organizationName: 'Lapas Perempuan Kelas IIA Semarang',
        attendance: 'invited',
      },
      {
        kind: 'guest',
        name: 'Budi Santoso',
        jobTitle: 'Kepala Seksi Bimbingan Klien',
        organizationId: BAPAS_ID,
        organizationName: 'Balai Pemasyarakatan Kelas I Semarang',
        attendance: 'invited',
      },
      {
        kind: 'guest',
        name: 'Ibu RT 05',
        jobTitle: 'Ketua RT',
        organizationId: null,
        organizationName: 'RT 05 Krobokan',
        attendance: 'invited',
      },
    ]);
    expect(detail.attendance).toEqual({ total: 3, invited: 3, present: 0, absent: 0, excused: 0 });
    const [row] = await auditRows('meeting.created', detail.id);
    expect(row).toMatchObject({
      actor_user_id: ids.camat,
      subject_type: 'meeting',
      subject_organization_id: KECAMATAN_ID,
      details: { agendaItems: 2, attendees: 3 },
    });
  });

  it('refuses bad times, guests without a name, unknown or duplicate users with Indonesian field errors', async () => {
    const cases: [Partial<CreateMeetingRequest>, Record<string, string>][] = [
      [{ startsAt: '10:00', endsAt: '09:30' }, { endsAt: 'Jam selesai harus sesudah jam mulai.' }],
      [{ startsAt: '10:00', endsAt: '10:00' }, { endsAt: 'Jam selesai harus sesudah jam mulai.' }],
      [{ startsAt: null, endsAt: '12:00' }, { startsAt: 'Isi jam mulai bila jam selesai diisi.' }],
      [{ startsAt: '9.30' }, { startsAt: 'Jam tidak valid. Tulis sebagai JJ:mm, contoh 09:30.' }],
      [{ endsAt: '24:00' }, { endsAt: 'Jam tidak valid. Tulis sebagai JJ:mm, contoh 09:30.' }],
      [{ title: '  ' }, { title: 'Wajib diisi.' }],
      [{ attendees: [{ jobTitle: 'Lurah' }] }, { 'attendees.0.name': 'Isi nama peserta tamu.' }],
      [
        { attendees: [{ name: 'Tamu', organizationId: BAPAS_ID, organizationName: 'Bapas' }] },
        {
          'attendees.0.organizationName':
            'Pilih instansi dari daftar atau ketik nama instansinya, tidak keduanya.',
        },
      ],
      [
        { attendees: [{ name: 'Tamu', organizationId: '00000000-0000-4000-8000-0000000000ff' }] },
        { 'attendees.0.organizationId': 'Instansi tidak dikenal. Pilih dari daftar instansi.' },
      ],
      [
        { attendees: [{ userId: ids.gone as string }] },
        { 'attendees.0.userId': 'Pilih pengguna aktif dari daftar.' },
      ],
      [
        { attendees: [{ userId: ids.lapas as string }, { userId: ids.lapas as string }] },
        { 'attendees.1.userId': 'Orang ini sudah ada di daftar peserta.' },
      ],
    ];
    const before = await t.database.db
      .selectFrom('meeting')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    for (const [overrides, fields] of cases) {
      const response = await call('camat', 'POST', '/api/meetings', base(overrides));
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(fieldsOf(response), JSON.stringify(overrides)).toEqual(fields);
    }
    const after = await t.database.db
      .selectFrom('meeting')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('answers in English for an English-speaking user', async () => {
    await t.database.db
      .updateTable('app_user')
      .set({ language: 'en' })
      .where('id', '=', ids.bapas as string)
      .execute();
    as.bapas = await signIn(
      t.app,
      (
        await t.database.db
          .selectFrom('app_user')
          .select('username')
          .where('id', '=', ids.bapas as string)
          .executeTakeFirstOrThrow()
      ).username,
      TEST_PASSWORD,
    );
    const response = await call(
      'bapas',
      'POST',
      '/api/meetings',
      base({ startsAt: '10:00', endsAt: '09:00' }),
    );
    expect(fieldsOf(response)).toEqual({ endsAt: 'The end time must be after the start time.' });
    await t.database.db
      .updateTable('app_user')
      .set({ language: 'id' })
      .where('id', '=', ids.bapas as string)
      .execute();
    as.bapas = await signIn(
      t.app,
      (
        await t.database.db
          .selectFrom('app_user')
          .select('username')
          .where('id', '=', ids.bapas as string)
          .executeTakeFirstOrThrow()
      ).username,
      TEST_PASSWORD,
    );
  });

  it('is refused to viewers (403)', async () => {
    expect((await call('viewer', 'POST', '/api/meetings', base())).statusCode).toBe(403);
    expect((await call('viewer', 'GET', '/api/meetings')).statusCode).toBe(403);
  });
});

describe('access', () => {
  it('lets the organizer edit, attending organizations read, and tells others nothing (404)', async () => {
    const detail = await meeting();
    const asLapas = await call('lapas', 'GET', `/api/meetings/${detail.id}`);
    expect(asLapas.statusCode).toBe(200);
    expect(asLapas.json()).toMatchObject({ canEdit: false, canManageActionItems: false });
    // Bapas attends through a guest from its directory entry.
    expect((await call('bapas', 'GET', `/api/meetings/${detail.id}`)).statusCode).toBe(200);
    // Each opening is in the audit log under the organizer.
    const viewed = await auditRows('meeting.viewed', detail.id);
    expect(viewed).toHaveLength(2);
    expect(viewed.every((row) => row.subject_organization_id === detail.organizer.id)).toBe(true);
    expect((await call('camatHead', 'GET', `/api/meetings/${detail.id}`)).json().canEdit).toBe(true);
    // An attending organization reads but does not edit.
    const edit = await call('lapas', 'PUT', `/api/meetings/${detail.id}`, unchanged(detail));
    expect(edit.statusCode).toBe(403);
    const minutes = await call('lapas', 'PUT', `/api/meetings/${detail.id}/minutes`, {
      version: detail.version,
      agenda: [],
      decisions: [],
    });
    expect(minutes.statusCode).toBe(403);
    // A partner that did not attend: not found, everywhere.
    for (const [method, url] of [
      ['GET', `/api/meetings/${detail.id}`],
      ['GET', `/api/meetings/${detail.id}/action-items`],
      ['GET', `/api/meetings/${detail.id}/notulen.pdf`],
      ['GET', `/api/meetings/${detail.id}/daftar-hadir.pdf`],
    ] as const) {
      const response = await call('partner', method, url);
      expect(response.statusCode, url).toBe(404);
      expect(codeOf(response)).toBe('MEETING_NOT_FOUND');
    }
    const put = await call('partner', 'PUT', `/api/meetings/${detail.id}`, unchanged(detail));
    expect(put.statusCode).toBe(404);
    const list = (await call('partner', 'GET', '/api/meetings?pageSize=200')).json() as MeetingList;
    expect(list.items.map((item) => item.id)).not.toContain(detail.id);
    expect((await call('viewer', 'GET', `/api/meetings/${detail.id}`)).statusCode).toBe(403);
  });

  it('lists what the caller’s organization organized or attended, with filters and counts', async () => {
    const organized = await meeting({
      title: 'Rapat evaluasi bazar',
      heldOn: '2026-12-15',
      place: 'Balai Kelurahan',
    });
    await createActionItem(t.database.db, {
      meetingId: organized.id,
      ownerOrganizationId: LAPAS_ID,
      // Due before today, for the overdue count. (A meeting after the others: no one carries it over.)
      dueOn: '2026-01-20',
    });
    const other = await createMeeting(t.database.db, {
      organizationId: LAPAS_ID,
      title: 'Rapat internal lapas',
      heldOn: '2026-12-16',
    });
    const asCamat = (await call('camat', 'GET', '/api/meetings?q=bazar')).json() as MeetingList;
    expect(asCamat.items).toHaveLength(1);
    expect(asCamat.items[0]).toMatchObject({
      id: organized.id,
      organized: true,
      attendees: 3,
      present: 0,
      openActionItems: 1,
      overdueActionItems: 1,
      organizer: { name: 'Kecamatan Semarang Barat' },
    });
    const asLapas = (
      await call('lapas', 'GET', '/api/meetings?from=2026-12-15&to=2026-12-16')
    ).json() as MeetingList;
    expect(asLapas.items.map((item) => [item.id, item.organized])).toEqual([
      [other.id, true],
      [organized.id, false],
    ]);
    const attended = (
      await call('lapas', 'GET', '/api/meetings?from=2026-12-15&to=2026-12-16&role=attended')
    ).json();
    expect(attended.items.map((item: { id: string }) => item.id)).toEqual([organized.id]);
    const mine = (
      await call('lapas', 'GET', '/api/meetings?from=2026-12-15&to=2026-12-16&role=organized')
    ).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toEqual([other.id]);
    const called = await createMeeting(t.database.db, {
      organizationId: LAPAS_ID,
      title: 'Rapat yang dibatalkan',
      heldOn: '2026-11-02',
      status: 'cancelled',
    });
    const cancelled = (await call('lapas', 'GET', '/api/meetings?status=cancelled')).json() as MeetingList;
    expect(cancelled.items.length).toBeGreaterThan(0);
    expect(cancelled.items.map((item) => item.id)).toContain(called.id);
    expect(cancelled.items.every((item) => item.status === 'cancelled')).toBe(true);
    // role=attended: meetings of others with an attendee of the caller's, not those it only owns an item of.
    const ownerOnly = await createMeeting(t.database.db, {
      organizationId: KECAMATAN_ID,
      title: 'Rapat tanpa lapas',
      heldOn: '2026-12-15',
    });
    await createActionItem(t.database.db, { meetingId: ownerOnly.id, ownerOrganizationId: LAPAS_ID });
    const seen = (await call('lapas', 'GET', '/api/meetings?from=2026-12-15&to=2026-12-15')).json();
    expect(seen.items.map((item: { id: string }) => item.id)).toContain(ownerOnly.id);
    const attendedOnly = (
      await call('lapas', 'GET', '/api/meetings?from=2026-12-15&to=2026-12-15&role=attended')
    ).json();
    expect(attendedOnly.items.map((item: { id: string }) => item.id)).toEqual([organized.id]);
    expect((await call('camat', 'GET', '/api/meetings?status=nope')).statusCode).toBe(400);
    expect((await call('camat', 'GET', '/api/meetings?from=2026-13-01')).statusCode).toBe(400);
  });

  it('searches active users by name or organization: name, position and organization only', async () => {
    const found = (
      await call('camat', 'GET', '/api/meetings/people?q=petugas%20lap')
    ).json() as MeetingPeople;
    expect(found.items).toEqual([
      {
        id: ids.lapas,
        name: 'Petugas lapas',
        position: 'Kepala Seksi Binadik',
        organization: { id: LAPAS_ID, name: 'Lapas Perempuan Kelas IIA Semarang' },
      },
    ]);
    // Inactive users are never offered.
    const gone = (
      await call('camat', 'GET', '/api/meetings/people?q=petugas%20gone')
    ).json() as MeetingPeople;
    expect(gone.items).toEqual([]);
    const ofPartner = (await call('camat', 'GET', `/api/meetings/people?organizationId=${partnerId}`)).json();
    expect(ofPartner.items.map((item: { id: string }) => item.id)).toEqual([ids.partner]);
    // One letter finds nothing (too broad); a partner's staff never sees another partner's users.
    expect((await call('camat', 'GET', '/api/meetings/people?q=p')).json().items).toEqual([]);
    const asPartner = (
      await call('partner', 'GET', '/api/meetings/people?q=petugas')
    ).json() as MeetingPeople;
    expect(asPartner.items.map((item) => item.id)).not.toContain(ids.otherPartner);
    expect(asPartner.items.map((item) => item.id)).toContain(ids.partner);
    expect((await call('viewer', 'GET', '/api/meetings/people?q=petugas')).statusCode).toBe(403);
  });
});

describe('saving a meeting', () => {
  it('keeps rows with an id, adds those without, removes the others; bumps the version; audited', async () => {
    const detail = await meeting();
    const body = unchanged(detail);
    const [opening, mou] = detail.agenda as [MeetingDetail['agenda'][0], MeetingDetail['agenda'][0]];
    const response = await call('camat', 'PUT', `/api/meetings/${detail.id}`, {
      ...body,
      title: 'Rapat koordinasi Desa Binaan (lanjutan)',
      place: 'Ruang rapat Lapas',
      agenda: [
        { id: mou.id, title: 'Rancangan MoU Lapas–Kecamatan', presenter: 'Kalapas' },
        { title: 'Program teknis' },
      ],
      attendees: [
        body.attendees[1],
        { userId: ids.partner, attendance: 'excused' },
        { name: 'Lurah Krobokan', jobTitle: 'Lurah', organizationName: '' },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const saved = response.json() as MeetingDetail;
    expect(saved.version).toBe(2);
    expect(saved.title).toBe('Rapat koordinasi Desa Binaan (lanjutan)');
    expect(saved.agenda.map((item) => [item.position, item.title])).toEqual([
      [1, 'Rancangan MoU Lapas–Kecamatan'],
      [2, 'Program teknis'],
    ]);
    expect(saved.agenda[0]?.id).toBe(mou.id);
    expect(saved.agenda.map((item) => item.id)).not.toContain(opening.id);
    expect(saved.attendees.map((a) => [a.name, a.organizationName, a.attendance])).toEqual([
      ['Budi Santoso', 'Balai Pemasyarakatan Kelas I Semarang', 'invited'],
      ['Petugas partner', 'Mitra Busana Uji', 'excused'],
      ['Lurah Krobokan', null, 'invited'],
    ]);
    expect(saved.attendees[0]?.id).toBe(detail.attendees[1]?.id);
    // The prison no longer attends: it no longer sees the meeting; the partner now does.
    expect((await call('lapas', 'GET', `/api/meetings/${detail.id}`)).statusCode).toBe(404);
    expect((await call('partner', 'GET', `/api/meetings/${detail.id}`)).statusCode).toBe(200);
    const [row] = await auditRows('meeting.updated', detail.id);
    expect(row?.details).toMatchObject({ version: 2, agendaItems: 2, attendees: 3, removedAttendees: 2 });
  });

  it('refuses a stale version (409) and rows of another meeting', async () => {
    const detail = await meeting();
    const other = await meeting();
    const first = await call('camat', 'PUT', `/api/meetings/${detail.id}`, {
      ...unchanged(detail),
      title: 'A',
    });
    expect(first.statusCode).toBe(200);
    const stale = await call('camat', 'PUT', `/api/meetings/${detail.id}`, {
      ...unchanged(detail),
      title: 'B',
    });
    expect(stale.statusCode).toBe(409);
    expect(codeOf(stale)).toBe('VERSION_CONFLICT');
    const current = (await call('camat', 'GET', `/api/meetings/${detail.id}`)).json() as MeetingDetail;
    expect(current.title).toBe('A');
    const foreign = await call('camat', 'PUT', `/api/meetings/${detail.id}`, {
      ...unchanged(current),
      agenda: [{ id: other.agenda[0]?.id, title: 'Bukan milik rapat ini' }],
      attendees: [{ id: other.attendees[0]?.id, userId: ids.lapas }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(fieldsOf(foreign)).toEqual({
      'agenda.0.id': 'Baris ini bukan milik rapat ini. Muat ulang halaman lalu coba lagi.',
      'attendees.0.id': 'Baris ini bukan milik rapat ini. Muat ulang halaman lalu coba lagi.',
    });
  });

  it('moves planned → held (not before its date) or cancelled, never back; a cancelled meeting is read-only', async () => {
    const future = await meeting({ heldOn: day(5) });
    const early = await call('camat', 'PUT', `/api/meetings/${future.id}`, {
      ...unchanged(future),
      status: 'held',
    });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual({
      status: 'Rapat belum dapat ditandai terlaksana sebelum tanggal rapatnya.',
    });

    const past = await meeting();
    const held = await call('camat', 'PUT', `/api/meetings/${past.id}`, {
      ...unchanged(past),
      status: 'held',
    });
    expect(held.statusCode).toBe(200);
    const back = await call('camat', 'PUT', `/api/meetings/${past.id}`, {
      ...unchanged(held.json()),
      status: 'planned',
    });
    expect(back.statusCode).toBe(409);
    expect(codeOf(back)).toBe('MEETING_STATUS_CHANGE');

    const cancelled = await call('camat', 'PUT', `/api/meetings/${future.id}`, {
      ...unchanged(future),
      status: 'cancelled',
    });
    expect(cancelled.statusCode).toBe(200);
    const detail = cancelled.json() as MeetingDetail;
    expect(detail).toMatchObject({ status: 'cancelled', canEdit: false, canManageActionItems: false });
    const again = await call('camat', 'PUT', `/api/meetings/${future.id}`, unchanged(detail));
    expect(codeOf(again)).toBe('MEETING_CANCELLED');
    const item = await call('camat', 'POST', `/api/meetings/${future.id}/action-items`, {
      title: 'X',
      ownerOrganizationId: LAPAS_ID,
      ownerName: 'Kalapas',
      dueOn: day(10),
    });
    expect(item.statusCode).toBe(409);
    expect(codeOf(item)).toBe('MEETING_CANCELLED');
  });
});

describe('identical saves and a held meeting’s date', () => {
  it('writes nothing and keeps the version when particulars, minutes or attendance are saved unchanged', async () => {
    const detail = await meeting();
    const same = await call('camat', 'PUT', `/api/meetings/${detail.id}`, unchanged(detail));
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ version: 1 });
    const minutes = await call('camat', 'PUT', `/api/meetings/${detail.id}/minutes`, {
      version: 1,
      agenda: detail.agenda.map((row) => ({ id: row.id, minutes: row.minutes })),
      decisions: [],
    });
    expect(minutes.json()).toMatchObject({ version: 1 });
    const attendance = await call('camat', 'PUT', `/api/meetings/${detail.id}/attendance`, {
      version: 1,
      items: detail.attendees.map((row) => ({ attendeeId: row.id, attendance: row.attendance })),
    });
    expect(attendance.json()).toMatchObject({ version: 1 });
    for (const action of ['meeting.updated', 'meeting.minutes_saved', 'meeting.attendance_saved'])
      expect(await auditRows(action, detail.id), action).toEqual([]);
    // A real change bumps it; saving that again is identical once more.
    const present = await call('camat', 'PUT', `/api/meetings/${detail.id}/attendance`, {
      version: 1,
      allPresent: true,
    });
    expect(present.json()).toMatchObject({ version: 2 });
    const again = await call('camat', 'PUT', `/api/meetings/${detail.id}/attendance`, {
      version: 2,
      allPresent: true,
    });
    expect(again.json()).toMatchObject({ version: 2 });
    const current = again.json() as MeetingDetail;
    const reordered = await call('camat', 'PUT', `/api/meetings/${detail.id}`, {
      ...unchanged(current),
      agenda: [...unchanged(current).agenda].reverse(),
    });
    expect(reordered.json()).toMatchObject({ version: 3 });
    expect(await auditRows('meeting.updated', detail.id)).toHaveLength(1);
  });

  it('keeps a held meeting’s date at or before today (field heldOn); another past date is fine', async () => {
    const organization = (await createOrganization(t.database.db, { kind: 'village' })).id;
    await user('lurahTanggal', organization, ['village_staff']);
    const held = await createAs('lurahTanggal', base({ heldOn: day(-20) }));
    expect(held.carriedOver).toEqual([]);
    const marked = (
      await call('lurahTanggal', 'PUT', `/api/meetings/${held.id}`, { ...unchanged(held), status: 'held' })
    ).json() as MeetingDetail;
    expect(marked.status).toBe('held');
    const future = await call('lurahTanggal', 'PUT', `/api/meetings/${held.id}`, {
      ...unchanged(marked),
      heldOn: day(3),
    });
    expect(future.statusCode).toBe(400);
    expect(fieldsOf(future)).toEqual({
      heldOn: 'Tanggal rapat yang sudah terlaksana tidak boleh sesudah hari ini.',
    });
    const earlier = await call('lurahTanggal', 'PUT', `/api/meetings/${held.id}`, {
      ...unchanged(marked),
      heldOn: day(-21),
    });
    expect(earlier.statusCode, earlier.body).toBe(200);
    expect(earlier.json()).toMatchObject({ heldOn: day(-21), version: marked.version + 1 });
  });
});

describe('minutes, decisions and attendance', () => {
  it('saves minutes per agenda item and decisions as a document; audited', async () => {
    const detail = await meeting();
    const [opening, mou] = detail.agenda as [MeetingDetail['agenda'][0], MeetingDetail['agenda'][0]];
    const first = await call('camat', 'PUT', `/api/meetings/${detail.id}/minutes`, {
      version: 1,
      agenda: [
        { id: mou.id, minutes: 'Kalapas memaparkan rancangan MoU.\n\nPeserta menyetujui garis besarnya.' },
      ],
      decisions: [
        { text: 'Menyusun MoU antara LPP Semarang dan Kecamatan Semarang Barat.', agendaItemId: mou.id },
        { text: 'Menyusun program teknis yang rinci.' },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    const saved = first.json() as MeetingDetail;
    expect(saved.version).toBe(2);
    expect(saved.agenda.map((item) => item.minutes)).toEqual([
      null,
      'Kalapas memaparkan rancangan MoU.\n\nPeserta menyetujui garis besarnya.',
    ]);
    expect(saved.decisions.map((d) => [d.position, d.text, d.agendaItemId])).toEqual([
      [1, 'Menyusun MoU antara LPP Semarang dan Kecamatan Semarang Barat.', mou.id],
      [2, 'Menyusun program teknis yang rinci.', null],
    ]);
    const [keep] = saved.decisions;
    const second = await call('camat', 'PUT', `/api/meetings/${detail.id}/minutes`, {
      version: 2,
      agenda: [{ id: opening.id, minutes: 'Dibuka oleh Camat.' }],
      decisions: [
        { id: keep?.id, text: 'Menyusun MoU (draf pertama dalam dua minggu).', agendaItemId: mou.id },
      ],
    });
    const after = second.json() as MeetingDetail;
    expect(after.agenda[0]?.minutes).toBe('Dibuka oleh Camat.');
    expect(after.agenda[1]?.minutes).toContain('Kalapas memaparkan');
    expect(after.decisions).toEqual([
      {
        id: keep?.id,
        position: 1,
        text: 'Menyusun MoU (draf pertama dalam dua minggu).',
        agendaItemId: mou.id,
      },
    ]);
    const bad = await call('camat', 'PUT', `/api/meetings/${detail.id}/minutes`, {
      version: 3,
      agenda: [{ id: '00000000-0000-4000-8000-0000000000aa', minutes: 'x' }],
      decisions: [
        { id: '00000000-0000-4000-8000-0000000000bb', text: 'x' },
        { text: 'y', agendaItemId: '00000000-0000-4000-8000-0000000000cc' },
        { text: '' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual({ 'decisions.2.text': 'Wajib diisi.' });
    const unknown = await call('camat', 'PUT', `/api/meetings/${detail.id}/minutes`, {
      version: 3,
      agenda: [{ id: '00000000-0000-4000-8000-0000000000aa', minutes: 'x' }],
      decisions: [
        { id: '00000000-0000-4000-8000-0000000000bb', text: 'x' },
        { text: 'y', agendaItemId: '00000000-0000-4000-8000-0000000000cc' },
      ],
    });
    expect(fieldsOf(unknown)).toEqual({
      'agenda.0.id': 'Baris ini bukan milik rapat ini. Muat ulang halaman lalu coba lagi.',
      'decisions.0.id': 'Baris ini bukan milik rapat ini. Muat ulang halaman lalu coba lagi.',
      'decisions.1.agendaItemId': 'Pilih salah satu acara rapat ini.',
    });
    const stale = await call('camat', 'PUT', `/api/meetings/${detail.id}/minutes`, {
      version: 2,
      agenda: [],
      decisions: [],
    });
    expect(codeOf(stale)).toBe('VERSION_CONFLICT');
    expect(await auditRows('meeting.minutes_saved', detail.id)).toHaveLength(2);
  });

  it('marks everyone present at once, then single attendees; audited', async () => {
    const detail = await meeting();
    const all = await call('camat', 'PUT', `/api/meetings/${detail.id}/attendance`, {
      version: 1,
      allPresent: true,
    });
    expect(all.statusCode, all.body).toBe(200);
    expect((all.json() as MeetingDetail).attendance).toEqual({
      total: 3,
      invited: 0,
      present: 3,
      absent: 0,
      excused: 0,
    });
    const one = await call('camat', 'PUT', `/api/meetings/${detail.id}/attendance`, {
      version: 2,
      items: [{ attendeeId: detail.attendees[2]?.id, attendance: 'excused' }],
    });
    expect((one.json() as MeetingDetail).attendees.map((a) => a.attendance)).toEqual([
      'present',
      'present',
      'excused',
    ]);
    const bad = await call('camat', 'PUT', `/api/meetings/${detail.id}/attendance`, {
      version: 3,
      items: [{ attendeeId: '00000000-0000-4000-8000-0000000000aa', attendance: 'present' }],
    });
    expect(fieldsOf(bad)).toEqual({
      'items.0.attendeeId': 'Baris ini bukan milik rapat ini. Muat ulang halaman lalu coba lagi.',
    });
    const wrong = await call('camat', 'PUT', `/api/meetings/${detail.id}/attendance`, {
      version: 3,
      items: [{ attendeeId: detail.attendees[0]?.id, attendance: 'maybe' }],
    });
    expect(wrong.statusCode).toBe(400);
    const stale = await call('camat', 'PUT', `/api/meetings/${detail.id}/attendance`, {
      version: 1,
      allPresent: true,
    });
    expect(codeOf(stale)).toBe('VERSION_CONFLICT');
    const rows = await auditRows('meeting.attendance_saved', detail.id);
    expect(rows.map((row) => row.details)).toMatchObject([
      { allPresent: true, present: 3, total: 3 },
      { allPresent: false, changed: 1, present: 2 },
    ]);
  });
});

describe('action items', () => {
  const item = (overrides: Partial<CreateActionItemRequest> = {}): CreateActionItemRequest => ({
    title: 'Menyusun draf MoU',
    ownerOrganizationId: LAPAS_ID,
    ownerUserId: ids.lapas,
    dueOn: day(14),
    topic: 'Dasar hukum kerja sama',
    ...overrides,
  });

  it('needs an owner organization, an owner of it (user or name) and a due date: Indonesian field errors', async () => {
    const detail = await meeting();
    const url = `/api/meetings/${detail.id}/action-items`;
    const empty = await call('camat', 'POST', url, { title: 'Menyusun draf MoU' });
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty)).toEqual({
      ownerOrganizationId: 'Pilih instansi penanggung jawab tindak lanjut.',
      owner: 'Isi penanggung jawab: pilih pengguna dari instansi penanggung jawab atau ketik namanya.',
      dueOn: 'Isi tanggal tenggat tindak lanjut.',
    });
    const foreignUser = await call('camat', 'POST', url, item({ ownerOrganizationId: BAPAS_ID }));
    expect(fieldsOf(foreignUser)).toEqual({
      owner: 'Penanggung jawab harus pengguna aktif dari instansi penanggung jawab yang dipilih.',
    });
    const inactive = await call('camat', 'POST', url, item({ ownerUserId: ids.gone }));
    expect(Object.keys(fieldsOf(inactive))).toEqual(['owner']);
    const twoLinks = await call(
      'camat',
      'POST',
      url,
      item({ agreementId: '00000000-0000-4000-8000-0000000000aa' }),
    );
    expect(fieldsOf(twoLinks)).toMatchObject({
      link: 'Pilih satu saja yang dirujuk: kesepakatan, kegiatan program teknis, atau topik.',
    });
    const badDate = await call('camat', 'POST', url, item({ dueOn: '2026-02-30' }));
    expect(Object.keys(fieldsOf(badDate))).toEqual(['dueOn']);
    const badDecision = await call(
      'camat',
      'POST',
      url,
      item({ decisionId: '00000000-0000-4000-8000-0000000000aa' }),
    );
    expect(fieldsOf(badDecision)).toEqual({ decisionId: 'Pilih salah satu keputusan rapat ini.' });
    const personish = await call('camat', 'POST', url, { ...item(), personId: ids.lapas });
    expect(personish.statusCode).toBe(400);
    expect(codeOf(personish)).toBe('UNKNOWN_FIELDS');
    const items = (await call('camat', 'GET', url)).json() as MeetingActionItems;
    expect(items.items).toEqual([]);
  });

  it('links only an agreement the organizer is party to, or a work-plan activity it sees', async () => {
    const db = t.database.db;
    const agreement = async (parties: string[]) => {
      const row = await db
        .insertInto('agreement')
        .values({ kind: 'mou', organization_id: parties[0] as string, title: `MoU ${parties.length}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('agreement_party')
        .values(
          parties.map((organization_id, index) => ({
            agreement_id: row.id,
            organization_id,
            position: index + 1,
          })),
        )
        .execute();
      return row.id;
    };
    const ours = await agreement([KECAMATAN_ID, LAPAS_ID]);
    const theirs = await agreement([BAPAS_ID, partnerId]);
    const plan = await db
      .insertInto('work_plan')
      .values({
        agreement_id: ours,
        organization_id: LAPAS_ID,
        title: 'Program teknis 2026',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const activity = await db
      .insertInto('work_plan_activity')
      .values({
        work_plan_id: plan.id,
        position: 1,
        kind: 'village_socialization',
        title: 'Sosialisasi di Krobokan',
        responsible_organization_id: KECAMATAN_ID,
        starts_on: '2026-05-01',
        ends_on: '2026-05-02',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const detail = await meeting();
    const url = `/api/meetings/${detail.id}/action-items`;
    const hidden = await call('camat', 'POST', url, item({ topic: null, agreementId: theirs }));
    expect(fieldsOf(hidden)).toEqual({
      agreementId: 'Kesepakatan tidak ditemukan atau instansi Anda bukan pihak dalam kesepakatan itu.',
    });
    const linked = await call('camat', 'POST', url, item({ topic: null, agreementId: ours }));
    expect(linked.statusCode, linked.body).toBe(201);
    expect((linked.json() as ActionItem).agreement).toEqual({
      id: ours,
      title: 'MoU 2',
      kind: 'mou',
      canOpen: true,
    });
    const toActivity = await call(
      'camat',
      'POST',
      url,
      item({ topic: null, workPlanActivityId: activity.id }),
    );
    expect(toActivity.statusCode, toActivity.body).toBe(201);
    expect((toActivity.json() as ActionItem).workPlanActivity).toEqual({
      id: activity.id,
      title: 'Sosialisasi di Krobokan',
      workPlanId: plan.id,
      workPlanTitle: 'Program teknis 2026',
      canOpen: true,
    });
    // Bapas attends and sees the items, but is neither a party to the agreement nor in the work plan: it learns
    // what kind of record each is about, not its title.
    const asBapas = (await call('bapas', 'GET', url)).json() as MeetingActionItems;
    expect(asBapas.items.find((row) => row.agreement)?.agreement).toEqual({
      id: ours,
      title: null,
      kind: 'mou',
      canOpen: false,
    });
    expect(asBapas.items.find((row) => row.workPlanActivity)?.workPlanActivity).toEqual({
      id: activity.id,
      title: null,
      workPlanId: plan.id,
      workPlanTitle: null,
      canOpen: false,
    });
    const bapasText = (await call('bapas', 'GET', `/api/meetings/${detail.id}`)).body;
    expect(bapasText).not.toContain('MoU 2');
    expect(bapasText).not.toContain('Program teknis 2026');
    expect(bapasText).not.toContain('Sosialisasi di Krobokan');
    // The organizer, a party, still reads them.
    const asCamat = (await call('camat', 'GET', url)).json() as MeetingActionItems;
    expect(asCamat.items.find((row) => row.agreement)?.agreement?.title).toBe('MoU 2');
    const unknownActivity = await call(
      'camat',
      'POST',
      url,
      item({ topic: null, workPlanActivityId: '00000000-0000-4000-8000-0000000000aa' }),
    );
    expect(fieldsOf(unknownActivity)).toEqual({
      workPlanActivityId: 'Kegiatan program teknis tidak ditemukan atau tidak dapat Anda lihat.',
    });
  });

  it('notifies the owner user, lets the owner organization update progress, and audits each step', async () => {
    const detail = await meeting();
    const url = `/api/meetings/${detail.id}/action-items`;
    const created = await call(
      'camat',
      'POST',
      url,
      item({ ownerOrganizationId: partnerId, ownerUserId: ids.partner }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const actionItem = created.json() as ActionItem;
    expect(actionItem).toMatchObject({
      title: 'Menyusun draf MoU',
      ownerOrganization: { id: partnerId, name: 'Mitra Busana Uji' },
      ownerUser: { id: ids.partner, name: 'Petugas partner' },
      ownerName: 'Petugas partner',
      status: 'open',
      overdue: false,
      topic: 'Dasar hukum kerja sama',
      version: 1,
      canEdit: true,
      canUpdateProgress: true,
    });
    const notifications = await t.database.db
      .selectFrom('notification')
      .select(['kind', 'params', 'link', 'person_id'])
      .where('user_id', '=', ids.partner as string)
      .where('kind', '=', 'action_item_assigned')
      .execute();
    expect(notifications).toEqual([
      {
        kind: 'action_item_assigned',
        params: { title: 'Menyusun draf MoU', date: day(14) },
        link: `/tata-kelola/rapat/${detail.id}`,
        person_id: null,
      },
    ]);
    // The owner organization did not attend, yet sees the meeting its item belongs to.
    const asPartner = await call('partner', 'GET', `/api/meetings/${detail.id}`);
    expect(asPartner.statusCode).toBe(200);
    expect((asPartner.json() as MeetingDetail).actionItems[0]).toMatchObject({
      canEdit: false,
      canUpdateProgress: true,
    });
    // It updates status and progress, not the item itself.
    const edit = await call('partner', 'PUT', `/api/action-items/${actionItem.id}`, {
      ...item({ ownerOrganizationId: partnerId, ownerUserId: ids.partner }),
      version: 1,
      status: 'open',
    });
    expect(edit.statusCode).toBe(403);
    const progress = await call('partner', 'POST', `/api/action-items/${actionItem.id}/progress`, {
      version: 1,
      status: 'in_progress',
      progressNote: 'Draf pasal 1–4 selesai.',
    });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json()).toMatchObject({
      status: 'in_progress',
      progressNote: 'Draf pasal 1–4 selesai.',
      version: 2,
    });
    // An attending organization that does not own it may not.
    const bapas = await call('bapas', 'POST', `/api/action-items/${actionItem.id}/progress`, {
      version: 2,
      status: 'done',
    });
    expect(bapas.statusCode).toBe(403);
    // Not the partner's own: 404 for another partner.
    const other = await call('otherPartner', 'POST', `/api/action-items/${actionItem.id}/progress`, {
      version: 2,
      status: 'done',
    });
    expect(other.statusCode).toBe(404);
    expect(codeOf(other)).toBe('ACTION_ITEM_NOT_FOUND');
    const future = await call('partner', 'POST', `/api/action-items/${actionItem.id}/progress`, {
      version: 2,
      status: 'done',
      doneOn: day(1),
    });
    expect(fieldsOf(future)).toEqual({ doneOn: 'Tanggal selesai tidak boleh sesudah hari ini.' });
    const notDone = await call('partner', 'POST', `/api/action-items/${actionItem.id}/progress`, {
      version: 2,
      status: 'in_progress',
      doneOn: day(-1),
    });
    expect(fieldsOf(notDone)).toEqual({
      doneOn: 'Tanggal selesai hanya diisi bila status tindak lanjut Selesai.',
    });
    const done = await call('partner', 'POST', `/api/action-items/${actionItem.id}/progress`, {
      version: 2,
      status: 'done',
    });
    expect(done.json()).toMatchObject({ status: 'done', doneOn: today(), version: 3 });
    const stale = await call('partner', 'POST', `/api/action-items/${actionItem.id}/progress`, {
      version: 2,
      status: 'open',
    });
    expect(stale.statusCode).toBe(409);
    expect(codeOf(stale)).toBe('VERSION_CONFLICT');
    expect(await auditRows('action_item.created', actionItem.id)).toMatchObject([
      { actor_user_id: ids.camat, subject_type: 'action_item', subject_organization_id: KECAMATAN_ID },
    ]);
    expect((await auditRows('action_item.updated', actionItem.id)).map((row) => row.details.status)).toEqual([
      { from: 'open', to: 'in_progress' },
      { from: 'in_progress', to: 'done' },
    ]);
  });

  it('lets the organizer edit everything; a new owner user is told, nobody is told of her own item', async () => {
    const detail = await meeting();
    const created = (
      await call(
        'camat',
        'POST',
        `/api/meetings/${detail.id}/action-items`,
        item({ ownerUserId: null, ownerName: 'Kepala Lapas', topic: 'Anggaran pelatihan' }),
      )
    ).json() as ActionItem;
    expect(created).toMatchObject({ ownerUser: null, ownerName: 'Kepala Lapas' });
    const notificationsOf = async (userId: string) =>
      (
        await t.database.db
          .selectFrom('notification')
          .select('params')
          .where('user_id', '=', userId)
          .where('kind', '=', 'action_item_assigned')
          .execute()
      ).map((row) => row.params.title);
    const before = await notificationsOf(ids.lapas as string);
    const body = {
      version: 1,
      title: 'Menyusun anggaran pelatihan',
      ownerOrganizationId: LAPAS_ID,
      ownerUserId: ids.lapas,
      dueOn: day(-1),
      topic: 'Anggaran pelatihan',
      status: 'open' as const,
    };
    const updated = await call('camat', 'PUT', `/api/action-items/${created.id}`, body);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ ownerUser: { id: ids.lapas }, overdue: true, version: 2 });
    expect(await notificationsOf(ids.lapas as string)).toEqual([...before, 'Menyusun anggaran pelatihan']);
    // Giving it to herself tells nobody.
    const own = await call('camat', 'PUT', `/api/action-items/${created.id}`, {
      ...body,
      version: 2,
      ownerOrganizationId: KECAMATAN_ID,
      ownerUserId: ids.camat,
    });
    expect(own.statusCode).toBe(200);
    expect(await notificationsOf(ids.camat as string)).toEqual([]);
    const stale = await call('camat', 'PUT', `/api/action-items/${created.id}`, body);
    expect(codeOf(stale)).toBe('VERSION_CONFLICT');
    const missing = await call('camat', 'PUT', `/api/action-items/${created.id}`, {
      ...body,
      version: 3,
      ownerOrganizationId: null,
      ownerUserId: null,
      dueOn: null,
    });
    expect(Object.keys(fieldsOf(missing)).sort()).toEqual(['dueOn', 'owner', 'ownerOrganizationId']);
    const changes = await auditRows('action_item.updated', created.id);
    expect(changes[0]?.details.changed).toEqual(
      expect.arrayContaining(['title', 'owner_user_id', 'owner_name', 'due_on']),
    );
  });
});

describe('action items: who cancels, identical saves, concurrent minutes', () => {
  const item = (overrides: Partial<CreateActionItemRequest> = {}): CreateActionItemRequest => ({
    title: 'Menyiapkan daftar calon peserta',
    ownerOrganizationId: partnerId,
    ownerUserId: ids.partner,
    dueOn: day(14),
    topic: 'Pendataan',
    ...overrides,
  });

  it('lets only the organizer cancel an item or reopen a cancelled one; the owner sets open, in progress, done', async () => {
    const detail = await meeting();
    const created = (
      await call('camat', 'POST', `/api/meetings/${detail.id}/action-items`, item())
    ).json() as ActionItem;
    const cancel = await call('partner', 'POST', `/api/action-items/${created.id}/progress`, {
      version: 1,
      status: 'cancelled',
    });
    expect(cancel.statusCode).toBe(400);
    expect(fieldsOf(cancel)).toEqual({
      status:
        'Hanya penyelenggara rapat yang dapat membatalkan tindak lanjut atau membuka kembali tindak lanjut yang dibatalkan. Pilih Belum dikerjakan, Sedang berjalan, atau Selesai.',
    });
    const started = await call('partner', 'POST', `/api/action-items/${created.id}/progress`, {
      version: 1,
      status: 'in_progress',
    });
    expect(started.json()).toMatchObject({ status: 'in_progress', version: 2 });
    const byOrganizer = await call('camat', 'POST', `/api/action-items/${created.id}/progress`, {
      version: 2,
      status: 'cancelled',
      progressNote: 'Tidak lagi diperlukan.',
    });
    expect(byOrganizer.json()).toMatchObject({ status: 'cancelled', version: 3 });
    const reopen = await call('partner', 'POST', `/api/action-items/${created.id}/progress`, {
      version: 3,
      status: 'open',
    });
    expect(Object.keys(fieldsOf(reopen))).toEqual(['status']);
    // Its note may still change while it stays cancelled.
    const note = await call('partner', 'POST', `/api/action-items/${created.id}/progress`, {
      version: 3,
      status: 'cancelled',
      progressNote: 'Dicatat oleh mitra.',
    });
    expect(note.json()).toMatchObject({
      status: 'cancelled',
      progressNote: 'Dicatat oleh mitra.',
      version: 4,
    });
  });

  it('writes nothing and keeps the version when an item or its progress is saved unchanged', async () => {
    const detail = await meeting();
    const created = (
      await call('camat', 'POST', `/api/meetings/${detail.id}/action-items`, item())
    ).json() as ActionItem;
    const body = { ...item(), version: 1, status: 'open' as const, progressNote: null };
    const same = await call('camat', 'PUT', `/api/action-items/${created.id}`, body);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ version: 1 });
    const progress = await call('partner', 'POST', `/api/action-items/${created.id}/progress`, {
      version: 1,
      status: 'open',
    });
    expect(progress.json()).toMatchObject({ version: 1 });
    expect(await auditRows('action_item.updated', created.id)).toEqual([]);
    // A stale version is still refused, changed or not.
    const changed = await call('camat', 'PUT', `/api/action-items/${created.id}`, { ...body, title: 'Baru' });
    expect(changed.json()).toMatchObject({ version: 2, title: 'Baru' });
    const stale = await call('camat', 'PUT', `/api/action-items/${created.id}`, body);
    expect(codeOf(stale)).toBe('VERSION_CONFLICT');
  });

  it('never fails when a minutes save removes the decision an item is being given (400 or saved, not 500)', async () => {
    for (let round = 0; round < 3; round++) {
      const detail = await meeting();
      const minutes = (
        await call('camat', 'PUT', `/api/meetings/${detail.id}/minutes`, {
          version: 1,
          agenda: [],
          decisions: [{ text: 'Keputusan yang akan dihapus' }],
        })
      ).json() as MeetingDetail;
      const decisionId = minutes.decisions[0]?.id;
      const [created, removed] = await Promise.all([
        call('camat', 'POST', `/api/meetings/${detail.id}/action-items`, item({ decisionId })),
        call('camat', 'PUT', `/api/meetings/${detail.id}/minutes`, {
          version: 2,
          agenda: [],
          decisions: [],
        }),
      ]);
      expect(removed.statusCode, removed.body).toBe(200);
      expect([201, 400], created.body).toContain(created.statusCode);
      if (created.statusCode === 400) expect(Object.keys(fieldsOf(created))).toEqual(['decisionId']);
      else {
        // Saved first: the decision's removal then leaves the item without one.
        const items = (
          await call('camat', 'GET', `/api/meetings/${detail.id}/action-items`)
        ).json() as MeetingActionItems;
        expect(items.items.map((row) => row.decisionId)).toEqual([null]);
      }
    }
  });
});

describe('carry-over', () => {
  let organizer: string;
  beforeAll(async () => {
    organizer = (await createOrganization(t.database.db, { kind: 'village', name: 'Kelurahan Uji Rapat' }))
      .id;
    await user('lurah', organizer, ['village_staff']);
  });

  const titlesOf = (items: ActionItem[]) => items.map((row) => row.title).sort();

  it('puts the previous meeting’s open items first in the next agenda, not done ones; and along the chain', async () => {
    const db = t.database.db;
    // No earlier meeting: nothing carried, no carry-over item.
    const first = await createAs('lurah', base({ heldOn: '2026-02-02', attendees: [] }));
    expect(first.previousMeeting).toBeNull();
    expect(first.agenda.map((row) => row.kind)).toEqual(['regular', 'regular']);
    const a = await createActionItem(db, {
      meetingId: first.id,
      ownerOrganizationId: organizer,
      title: 'A terbuka',
    });
    await createActionItem(db, {
      meetingId: first.id,
      ownerOrganizationId: organizer,
      title: 'B selesai',
      status: 'done',
    });
    await createActionItem(db, {
      meetingId: first.id,
      ownerOrganizationId: organizer,
      title: 'C berjalan',
      status: 'in_progress',
    });
    await createActionItem(db, {
      meetingId: first.id,
      ownerOrganizationId: organizer,
      title: 'X batal',
      status: 'cancelled',
    });
    // A cancelled meeting in between does not count as the previous one.
    await createMeeting(db, { organizationId: organizer, heldOn: '2026-02-20', status: 'cancelled' });

    const second = await createAs('lurah', base({ heldOn: '2026-03-02' }));
    expect(second.previousMeeting).toMatchObject({ id: first.id, heldOn: '2026-02-02' });
    expect(second.agenda.map((row) => [row.position, row.kind, row.title])).toEqual([
      [1, 'carry_over', CARRY_OVER_TITLE],
      [2, 'regular', 'Pembukaan'],
      [3, 'regular', 'Rancangan MoU'],
    ]);
    expect(titlesOf(second.carriedOver)).toEqual(['A terbuka', 'C berjalan']);
    const listed = (
      await call('lurah', 'GET', `/api/meetings/${second.id}/action-items`)
    ).json() as MeetingActionItems;
    expect(titlesOf(listed.carriedOver)).toEqual(['A terbuka', 'C berjalan']);
    expect(listed.items).toEqual([]);

    // A is done now; the second meeting decides D. The third carries C (still open, carried into the second)
    // and D, not A.
    await db
      .updateTable('action_item')
      .set({ status: 'done', done_on: '2026-03-10' })
      .where('id', '=', a.id)
      .execute();
    await createActionItem(db, { meetingId: second.id, ownerOrganizationId: organizer, title: 'D baru' });
    const third = await createAs('lurah', base({ heldOn: '2026-04-06' }));
    expect(third.previousMeeting?.id).toBe(second.id);
    expect(titlesOf(third.carriedOver)).toEqual(['C berjalan', 'D baru']);
    // The second meeting still shows A with its current status.
    const again = (await call('lurah', 'GET', `/api/meetings/${second.id}`)).json() as MeetingDetail;
    expect(again.carriedOver.find((row) => row.title === 'A terbuka')?.status).toBe('done');

    // The carry-over item stays first whatever the save sends; its title is fixed.
    const body = unchanged(third);
    const saved = await call('lurah', 'PUT', `/api/meetings/${third.id}`, {
      ...body,
      agenda: [{ title: 'Lain-lain' }, { id: third.agenda[0]?.id, title: 'Judul lain', presenter: 'Lurah' }],
    });
    expect((saved.json() as MeetingDetail).agenda.map((row) => [row.kind, row.title, row.presenter])).toEqual(
      [
        ['carry_over', CARRY_OVER_TITLE, 'Lurah'],
        ['regular', 'Lain-lain', null],
      ],
    );
    const dropped = await call('lurah', 'PUT', `/api/meetings/${third.id}`, {
      ...unchanged(saved.json()),
      agenda: [],
    });
    expect((dropped.json() as MeetingDetail).agenda.map((row) => row.kind)).toEqual(['carry_over']);

    // A meeting of another organization that the kelurahan attended since its third meeting: the items the
    // kelurahan owns there are carried too, the kecamatan's own are not. The third meeting stays the previous
    // one, and what it carried (C, D) is not lost.
    const attended = await createMeeting(db, {
      organizationId: KECAMATAN_ID,
      heldOn: '2026-04-20',
      attendeeOrganizationIds: [organizer],
    });
    await createActionItem(db, {
      meetingId: attended.id,
      ownerOrganizationId: organizer,
      title: 'E dari kecamatan',
    });
    await createActionItem(db, {
      meetingId: attended.id,
      ownerOrganizationId: KECAMATAN_ID,
      title: 'F milik kecamatan',
    });
    const fourth = await createAs('lurah', base({ heldOn: '2026-05-04' }));
    expect(fourth.previousMeeting?.id).toBe(third.id);
    expect(titlesOf(fourth.carriedOver)).toEqual(['C berjalan', 'D baru', 'E dari kecamatan']);
    // The kelurahan attended the kecamatan's meeting: it sees where E was decided.
    expect(fourth.carriedOver.find((row) => row.title === 'E dari kecamatan')?.meeting?.id).toBe(attended.id);
    const [row] = await auditRows('meeting.created', fourth.id);
    expect(row?.details.carriedOver).toHaveLength(3);
  });

  it('never carries another organization’s items, and names a source meeting only to those who may open it', async () => {
    const db = t.database.db;
    const kelurahan = (await createOrganization(db, { kind: 'village', name: 'Kelurahan Tiga Pihak' })).id;
    const mitraA = (await createOrganization(db, { kind: 'partner', name: 'Mitra A Rahasia' })).id;
    const mitraB = (await createOrganization(db, { kind: 'partner', name: 'Mitra B Tamu' })).id;
    await user('lurah3', kelurahan, ['village_staff']);
    await user('mitraA', mitraA, ['partner_staff']);
    await user('mitraB', mitraB, ['partner_staff']);
    // The kelurahan's own earlier meeting, and then a meeting of partner A that it attended.
    const own = await createAs('lurah3', base({ title: 'Rapat kelurahan Maret', heldOn: '2026-03-01' }));
    await createActionItem(db, {
      meetingId: own.id,
      ownerOrganizationId: kelurahan,
      title: 'Lanjutan kelurahan',
    });
    const ofA = await createMeeting(db, {
      organizationId: mitraA,
      title: 'Rapat internal Mitra A',
      heldOn: '2026-03-10',
      attendeeOrganizationIds: [kelurahan],
    });
    await createActionItem(db, { meetingId: ofA.id, ownerOrganizationId: mitraA, title: 'Rahasia mitra A' });
    await createActionItem(db, {
      meetingId: ofA.id,
      ownerOrganizationId: kelurahan,
      title: 'Tugas kelurahan dari mitra A',
    });
    // The kelurahan's next meeting, with partner B attending.
    const next = await createAs(
      'lurah3',
      base({
        title: 'Rapat kelurahan April',
        heldOn: '2026-04-01',
        attendees: [{ name: 'Wakil Mitra B', organizationId: mitraB }],
      }),
    );
    expect(titlesOf(next.carriedOver)).toEqual(['Lanjutan kelurahan', 'Tugas kelurahan dari mitra A']);
    expect(next.previousMeeting?.id).toBe(own.id);
    // The organizer sees where each came from (it organized one meeting and attended the other).
    expect(next.carriedOver.map((row) => row.meeting?.title).sort()).toEqual([
      'Rapat internal Mitra A',
      'Rapat kelurahan Maret',
    ]);
    // Partner B sees the carried items but neither earlier meeting, nor partner A's own item.
    const asB = await call('mitraB', 'GET', `/api/meetings/${next.id}`);
    expect(asB.statusCode).toBe(200);
    const detailB = asB.json() as MeetingDetail;
    expect(titlesOf(detailB.carriedOver)).toEqual(['Lanjutan kelurahan', 'Tugas kelurahan dari mitra A']);
    expect(detailB.carriedOver.map((row) => row.meeting)).toEqual([null, null]);
    expect(detailB.previousMeeting).toBeNull();
    const itemsB = (
      await call('mitraB', 'GET', `/api/meetings/${next.id}/action-items`)
    ).json() as MeetingActionItems;
    expect(itemsB.carriedOver.map((row) => row.meeting)).toEqual([null, null]);
    for (const body of [asB.body, JSON.stringify(itemsB)]) {
      expect(body).not.toContain('Rahasia mitra A');
      expect(body).not.toContain('Rapat internal Mitra A');
      expect(body).not.toContain('Rapat kelurahan Maret');
      expect(body).not.toContain(ofA.id);
      // Nothing tells partner B that partner A exists.
      expect(body).not.toContain('Mitra A Rahasia');
    }
    // The notulen is made from what the reader may see (the "Dari rapat lain" line: meetings.pdf.test.ts).
    expect((await call('mitraB', 'GET', `/api/meetings/${next.id}/notulen.pdf`)).statusCode).toBe(200);
    // Partner A does not see the kelurahan's new meeting, though an item decided in its meeting is carried in it.
    expect((await call('mitraA', 'GET', `/api/meetings/${next.id}`)).statusCode).toBe(404);
  });

  it('refuses to move the date of a meeting that has carried items (field heldOn)', async () => {
    const db = t.database.db;
    const organization = (await createOrganization(db, { kind: 'village' })).id;
    await user('lurahGeser', organization, ['village_staff']);
    const first = await createAs('lurahGeser', base({ heldOn: '2026-07-01' }));
    await createActionItem(db, { meetingId: first.id, ownerOrganizationId: organization, title: 'Terbuka' });
    const second = await createAs('lurahGeser', base({ heldOn: '2026-08-03' }));
    expect(second.carriedOver).toHaveLength(1);
    const moved = await call('lurahGeser', 'PUT', `/api/meetings/${second.id}`, {
      ...unchanged(second),
      heldOn: '2026-08-10',
    });
    expect(moved.statusCode).toBe(400);
    expect(fieldsOf(moved)).toEqual({
      heldOn:
        'Tanggal rapat tidak dapat diubah karena tindak lanjut rapat sebelumnya sudah dibawa ke rapat ini. Batalkan rapat ini lalu buat rapat baru dengan tanggal yang benar.',
    });
    // Other changes still save; the first meeting (nothing carried into it) may move.
    const renamed = await call('lurahGeser', 'PUT', `/api/meetings/${second.id}`, {
      ...unchanged(second),
      title: 'Rapat Agustus',
    });
    expect(renamed.statusCode).toBe(200);
    const firstMoved = await call('lurahGeser', 'PUT', `/api/meetings/${first.id}`, {
      ...unchanged(first),
      heldOn: '2026-07-02',
    });
    expect(firstMoved.statusCode, firstMoved.body).toBe(200);
  });

  it('takes the same day’s earlier meeting as previous when both have start times', async () => {
    const db = t.database.db;
    const organizer2 = (await createOrganization(db, { kind: 'village' })).id;
    await user('lurah2', organizer2, ['village_staff']);
    const morning = await createAs(
      'lurah2',
      base({ heldOn: '2026-06-01', startsAt: '08:00', endsAt: '09:00' }),
    );
    await createActionItem(db, { meetingId: morning.id, ownerOrganizationId: organizer2, title: 'Pagi' });
    const afternoon = await createAs(
      'lurah2',
      base({ heldOn: '2026-06-01', startsAt: '13:00', endsAt: '14:00' }),
    );
    expect(afternoon.previousMeeting?.id).toBe(morning.id);
    expect(afternoon.carriedOver.map((row) => row.title)).toEqual(['Pagi']);
  });
});

describe('photos', () => {
  const PNG = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]);
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 0x11)]);
  const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');

  async function form(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    if (file) data.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
    const request = new Request('http://localhost/', { method: 'POST', body: data });
    return {
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    };
  }
  const upload = async (
    name: string,
    meetingId: string,
    fields: Record<string, string>,
    file?: { name: string; type: string; data: Buffer },
  ) =>
    session(name).request({
      method: 'POST',
      url: `/api/meetings/${meetingId}/photos`,
      ...(await form(fields, file)),
    });
  const files = async () => (await readdir(dir)).sort();

  it('keeps JPEG and PNG judged by content, with a caption; downloads are audited', async () => {
    const detail = await meeting();
    const response = await upload(
      'camat',
      detail.id,
      { caption: 'Suasana rapat' },
      { name: 'rapat.png', type: 'image/png', data: PNG },
    );
    expect(response.statusCode, response.body).toBe(201);
    const photo = response.json() as MeetingPhoto;
    expect(photo).toMatchObject({
      caption: 'Suasana rapat',
      fileName: 'rapat.png',
      mediaType: 'image/png',
      sizeBytes: PNG.length,
      position: 1,
      uploadedBy: 'Petugas camat',
    });
    // A JPEG sent as "application/octet-stream" with a .bin name is still a JPEG.
    const jpeg = await upload(
      'camat',
      detail.id,
      {},
      { name: 'foto.bin', type: 'application/octet-stream', data: JPEG },
    );
    expect(jpeg.json()).toMatchObject({ mediaType: 'image/jpeg', position: 2, caption: null });
    const download = await call('lapas', 'GET', `/api/meetings/${detail.id}/photos/${photo.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="rapat.png"/);
    expect(download.rawPayload).toEqual(PNG);
    expect(await auditRows('meeting.photo_downloaded', detail.id)).toMatchObject([
      { actor_user_id: ids.lapas, details: { fileId: photo.id } },
    ]);
    expect(await auditRows('meeting.photo_added', detail.id)).toHaveLength(2);
    expect(
      (await call('partner', 'GET', `/api/meetings/${detail.id}/photos/${photo.id}/content`)).statusCode,
    ).toBe(404);
    const shown = (await call('lapas', 'GET', `/api/meetings/${detail.id}`)).json() as MeetingDetail;
    expect(shown.photos.map((row) => row.id)).toEqual([photo.id, jpeg.json().id]);
    // Caption changes and removal: the organizer only.
    expect((await call('lapas', 'DELETE', `/api/meetings/${detail.id}/photos/${photo.id}`)).statusCode).toBe(
      403,
    );
    const caption = await call('camat', 'PUT', `/api/meetings/${detail.id}/photos/${photo.id}`, {
      caption: 'Pembukaan oleh Camat',
    });
    expect(caption.json()).toMatchObject({ caption: 'Pembukaan oleh Camat' });
    expect((await call('camat', 'DELETE', `/api/meetings/${detail.id}/photos/${photo.id}`)).statusCode).toBe(
      204,
    );
    expect(
      (await call('camat', 'GET', `/api/meetings/${detail.id}/photos/${photo.id}/content`)).statusCode,
    ).toBe(404);
    expect((await call('camat', 'DELETE', `/api/meetings/${detail.id}/photos/${photo.id}`)).statusCode).toBe(
      404,
    );
    expect(await auditRows('meeting.photo_removed', detail.id)).toHaveLength(1);
  });

  it('keeps a cancelled meeting’s photos as they are: no upload, caption or removal (409)', async () => {
    const detail = await meeting({ heldOn: day(3) });
    const photo = (
      await upload('camat', detail.id, {}, { name: 'rapat.png', type: 'image/png', data: PNG })
    ).json() as MeetingPhoto;
    const cancelled = await call('camat', 'PUT', `/api/meetings/${detail.id}`, {
      ...unchanged(detail),
      status: 'cancelled',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    for (const response of [
      await call('camat', 'DELETE', `/api/meetings/${detail.id}/photos/${photo.id}`),
      await call('camat', 'PUT', `/api/meetings/${detail.id}/photos/${photo.id}`, { caption: 'x' }),
      await upload('camat', detail.id, {}, { name: 'rapat.png', type: 'image/png', data: PNG }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(codeOf(response)).toBe('MEETING_CANCELLED');
    }
    const shown = (await call('camat', 'GET', `/api/meetings/${detail.id}`)).json() as MeetingDetail;
    expect(shown.photos.map((row) => row.id)).toEqual([photo.id]);
    expect(await auditRows('meeting.photo_removed', detail.id)).toEqual([]);
  });

  it('refuses what is not a JPEG or PNG by content, an empty or missing file, and more than 10 MB; keeps nothing', async () => {
    const detail = await meeting();
    const before = await files();
    const disguised = await upload(
      'camat',
      detail.id,
      {},
      { name: 'foto.jpg', type: 'image/jpeg', data: Buffer.from('bukan foto sama sekali') },
    );
    expect(disguised.statusCode).toBe(400);
    expect(fieldsOf(disguised)).toEqual({
      file: 'Isi berkas bukan foto JPEG atau PNG. Hanya kedua jenis itu yang diterima.',
    });
    const pdf = await upload('camat', detail.id, {}, { name: 'foto.png', type: 'image/png', data: PDF });
    expect(Object.keys(fieldsOf(pdf))).toEqual(['file']);
    const empty = await upload(
      'camat',
      detail.id,
      {},
      { name: 'kosong.png', type: 'image/png', data: Buffer.alloc(0) },
    );
    expect(fieldsOf(empty)).toEqual({ file: 'Berkas foto kosong.' });
    const none = await upload('camat', detail.id, { caption: 'tanpa berkas' });
    expect(fieldsOf(none)).toEqual({ file: 'Wajib diisi.' });
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 1 - PNG.length, 0x20)]);
    const tooBig = await upload('camat', detail.id, {}, { name: 'besar.png', type: 'image/png', data: big });
    expect(tooBig.statusCode).toBe(413);
    expect(codeOf(tooBig)).toBe('MEETING_PHOTO_TOO_LARGE');
    const json = await call('camat', 'POST', `/api/meetings/${detail.id}/photos`, { caption: 'x' });
    expect(json.statusCode).toBe(415);
    // An attending organization may not add photos.
    const lapas = await upload('lapas', detail.id, {}, { name: 'rapat.png', type: 'image/png', data: PNG });
    expect(lapas.statusCode).toBe(403);
    expect(await files()).toEqual(before);
  });
});

describe('printing', () => {
  it('prints the notulen and the daftar hadir as PDF attachments for whoever sees the meeting; audited', async () => {
    const detail = await meeting();
    await call('camat', 'POST', `/api/meetings/${detail.id}/action-items`, {
      title: 'Menyusun draf MoU',
      ownerOrganizationId: LAPAS_ID,
      ownerName: 'Kepala Seksi Binadik',
      dueOn: day(14),
    });
    for (const [path, prefix, document] of [
      ['notulen.pdf', 'notulen', 'notulen'],
      ['daftar-hadir.pdf', 'daftar-hadir', 'daftar_hadir'],
    ] as const) {
      const response = await call('bapas', 'GET', `/api/meetings/${detail.id}/${path}`);
      expect(response.statusCode, path).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${prefix}-rapat-koordinasi-desa-binaan-${detail.heldOn}.pdf"; filename*=UTF-8''${prefix}-rapat-koordinasi-desa-binaan-${detail.heldOn}.pdf`,
      );
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(response.rawPayload.length).toBeGreaterThan(2000);
      const rows = await auditRows('meeting.printed', detail.id);
      expect(rows.at(-1)).toMatchObject({ actor_user_id: ids.bapas, details: { document } });
    }
  });
});
