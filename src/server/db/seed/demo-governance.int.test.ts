import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { AgreementDetail, AgreementList } from '../../../shared/agreements.ts';
import type { MyActionItems } from '../../../shared/governance.ts';
import type { MeetingDetail, MeetingList } from '../../../shared/meetings.ts';
import { DEMO_PASSWORD } from '../../../shared/vocabulary.ts';
import type { WorkPlan, WorkPlanList } from '../../../shared/workplans.ts';
import { DEMO_MEETING_DATE } from './demo-governance.ts';

// The demo's governance data (issue 8) through the API, as the demo roles meet it: the meeting of Monday
// 27 April 2026 with its decisions and action items, the MoU draft it led to, the draft work plan under the
// MoU, and the next meeting whose agenda carries the open items over. The stored rows must pass the
// response schemas.

let t: TestApp;
const as: Record<string, Session> = {};
const get = async <T>(name: string, url: string): Promise<T> => {
  const response = await (as[name] as Session).request({ method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json() as T;
};

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  for (const name of ['kalapas', 'lapas.binadik', 'kecamatan', 'camat', 'pk', 'mitra'])
    as[name] = await signIn(t.app, name, DEMO_PASSWORD);
});
afterAll(() => t.close());

describe('demo governance', () => {
  it('holds the coordination meeting of 27 April 2026 with its attendees, two decisions and action items', async () => {
    const list = await get<MeetingList>('kecamatan', '/api/meetings');
    const meetingItem = list.items.find((item) => item.heldOn === DEMO_MEETING_DATE);
    expect(meetingItem).toMatchObject({ status: 'held', place: 'Aula Kantor Kecamatan Semarang Barat' });
    const meeting = await get<MeetingDetail>('kecamatan', `/api/meetings/${meetingItem?.id}`);
    expect(meeting.organizer.name).toBe('Lapas Perempuan Kelas IIA Semarang');
    expect(meeting.attendees.map((a) => a.jobTitle)).toEqual(
      expect.arrayContaining(['Kepala Lapas', 'Kasi Binadik', 'Kasi Kegiatan Kerja', 'Camat Semarang Barat']),
    );
    expect(meeting.attendance.present).toBe(8);
    expect(meeting.decisions.map((d) => d.text.split(' ').slice(0, 2).join(' '))).toEqual([
      'Menyusun Nota',
      'Menyusun program',
    ]);
    expect(meeting.actionItems).toHaveLength(5);
    // Every action item has an owner organization, an owner and a due date; the MoU draft is linked.
    for (const item of meeting.actionItems) {
      expect(item.ownerName.length, item.title).toBeGreaterThan(0);
      expect(item.dueOn, item.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const mouItems = meeting.actionItems.filter((item) => item.agreement !== null);
    expect(mouItems).toHaveLength(2);
    // The kecamatan's review of the draft was due on 30/06/2026 and is still open: overdue.
    expect(mouItems.find((item) => item.ownerOrganization.name === 'Kecamatan Semarang Barat')).toMatchObject(
      {
        dueOn: '2026-06-30',
        status: 'open',
        overdue: true,
      },
    );
  });

  it('leads from the action item to the MoU draft between the prison and the kecamatan, with the usual articles', async () => {
    const agreements = await get<AgreementList>('camat', '/api/agreements');
    expect(agreements.items).toHaveLength(1);
    const [mou] = agreements.items;
    expect(mou).toMatchObject({ kind: 'mou', effectiveStatus: 'draft' });
    const detail = await get<AgreementDetail>('camat', `/api/agreements/${mou?.id}`);
    expect(detail.parties.map((party) => [party.position, party.organization.name])).toEqual([
      [1, 'Lapas Perempuan Kelas IIA Semarang'],
      [2, 'Kecamatan Semarang Barat'],
    ]);
    expect(detail.clauses.map((clause) => clause.heading)).toEqual([
      'Maksud dan Tujuan',
      'Ruang Lingkup',
      'Pelaksanaan',
      'Hak dan Kewajiban Para Pihak',
      'Pembiayaan',
      'Jangka Waktu',
      'Penyelesaian Perselisihan',
      'Penutup',
    ]);
    expect(detail.textVersion).toBe(1);
    expect(detail.obligations).toHaveLength(4);
    // A partner is no party to it: it does not see it.
    expect((await get<AgreementList>('mitra', '/api/agreements')).items).toHaveLength(0);
  });

  it('has a draft work plan under the MoU with activities, budget and targets', async () => {
    const plans = await get<WorkPlanList>('lapas.binadik', '/api/work-plans');
    expect(plans.items).toHaveLength(1);
    const plan = await get<WorkPlan>('lapas.binadik', `/api/work-plans/${plans.items[0]?.id}`);
    expect(plan).toMatchObject({ status: 'draft', periodStart: '2027-01-01', periodEnd: '2027-12-31' });
    expect(plan.activities.map((activity) => activity.kind)).toEqual([
      'coordination_meeting',
      'village_socialization',
      'training_cohort',
      'monitoring_visit',
      'bazaar',
    ]);
    expect(plan.budget.total).toBe(88_600_000);
    expect(plan.targets).toHaveLength(6);
  });

  it('plans the next meeting with the open items carried over, and puts them on their owners’ home cards', async () => {
    const list = await get<MeetingList>('kecamatan', '/api/meetings');
    const next = list.items.find((item) => item.status === 'planned');
    const detail = await get<MeetingDetail>('kecamatan', `/api/meetings/${next?.id}`);
    expect(detail.agenda[0]).toMatchObject({ kind: 'carry_over' });
    expect(detail.carriedOver.map((item) => item.status).sort()).toEqual([
      'in_progress',
      'in_progress',
      'open',
      'open',
    ]);
    const mine = await get<MyActionItems>('kecamatan', '/api/governance/my-action-items');
    expect(mine.items.map((item) => item.dueOn)).toEqual(['2026-06-30']);
    expect(mine.overdue).toBe(1);
  });
});
