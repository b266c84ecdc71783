import { describe, expect, it } from 'vitest';
import type { MeetingListItem } from '../../../../shared/meetings.ts';
import {
  actionItemsInOrder,
  activityOptions,
  addDays,
  formatTimeRange,
  linkKindOf,
  meetingListQueries,
  PAST_PAGE_SIZE,
  soonestFirst,
  UPCOMING_PAGE_SIZE,
} from './meetingText.ts';

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('meetingListQueries', () => {
  it('splits upcoming (from today) and past (until yesterday, paged) with the same filters', () => {
    const params = new URLSearchParams('q=%20mou%20&status=held&peran=attended&halaman=3');
    expect(meetingListQueries(params, '2026-04-27')).toEqual({
      upcoming: {
        q: 'mou',
        status: 'held',
        role: 'attended',
        from: '2026-04-27',
        page: 1,
        pageSize: UPCOMING_PAGE_SIZE,
      },
      past: {
        q: 'mou',
        status: 'held',
        role: 'attended',
        to: '2026-04-26',
        page: 3,
        pageSize: PAST_PAGE_SIZE,
      },
    });
  });

  it('ignores unknown values and bad pages', () => {
    const params = new URLSearchParams('status=done&peran=x&halaman=-2&q=');
    const { upcoming, past } = meetingListQueries(params, '2026-01-01');
    expect(upcoming).toMatchObject({ q: undefined, status: undefined, role: undefined });
    expect(past).toMatchObject({ page: 1, to: '2025-12-31' });
  });
});

describe('soonestFirst', () => {
  const item = (id: string, heldOn: string, startsAt: string | null) =>
    ({ id, heldOn, startsAt }) as MeetingListItem;
  it('orders by date, then start time', () => {
    const sorted = soonestFirst([
      item('c', '2026-05-02', null),
      item('b', '2026-05-01', '13:00'),
      item('a', '2026-05-01', '09:00'),
    ]);
    expect(sorted.map((meeting) => meeting.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('formatTimeRange', () => {
  it('writes Indonesian hours with dots and WIB, English with colons', () => {
    expect(formatTimeRange('09:00', '11:30', 'id')).toBe('09.00–11.30 WIB');
    expect(formatTimeRange('09:00', null, 'id')).toBe('09.00 WIB');
    expect(formatTimeRange('09:00', '11:30', 'en')).toBe('09:00–11:30');
    expect(formatTimeRange(null, '11:30', 'id')).toBe('');
  });
});

describe('action items', () => {
  it('names what an item is about', () => {
    const none = { agreement: null, workPlanActivity: null, topic: null };
    expect(linkKindOf(none)).toBe('none');
    expect(linkKindOf({ ...none, topic: 'Skema keterampilan' })).toBe('topic');
    expect(linkKindOf({ ...none, agreement: { id: 'a', title: 'MoU', kind: 'mou', canOpen: true } })).toBe(
      'agreement',
    );
  });

  it('lists overdue ones first, then by due date', () => {
    const items = [
      { title: 'b', dueOn: '2026-05-01', overdue: false },
      { title: 'c', dueOn: '2026-06-01', overdue: true },
      { title: 'a', dueOn: '2026-04-01', overdue: false },
    ];
    expect(actionItemsInOrder(items).map((item) => item.title)).toEqual(['c', 'a', 'b']);
  });
});

describe('activityOptions', () => {
  const plan = { id: 'p1', title: 'Program teknis 2026' };
  it('groups the activities by work plan', () => {
    const options = activityOptions(
      [
        { id: 'a1', title: 'Pelatihan menjahit', workPlan: plan },
        { id: 'a2', title: 'Bazar', workPlan: { id: 'p2', title: 'Program 2027' } },
        { id: 'a3', title: 'Sosialisasi', workPlan: plan },
      ],
      null,
    );
    expect(options).toEqual([
      {
        group: 'Program teknis 2026',
        items: [
          { value: 'a1', label: 'Pelatihan menjahit' },
          { value: 'a3', label: 'Sosialisasi' },
        ],
      },
      { group: 'Program 2027', items: [{ value: 'a2', label: 'Bazar' }] },
    ]);
  });

  it('keeps the item own activity choosable', () => {
    const own = { id: 'a9', label: 'Monitoring', workPlanId: 'p9', group: 'Program lama' };
    expect(activityOptions([], own)).toEqual([
      { group: 'Program lama', items: [{ value: 'a9', label: 'Monitoring' }] },
    ]);
    expect(activityOptions([{ id: 'a9', title: 'Monitoring', workPlan: plan }], own)).toHaveLength(1);
  });
});
