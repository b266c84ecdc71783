import { describe, expect, it } from 'vitest';
import type { TaskItem } from '../api/contract.ts';
import { groupTasks, internalLink, sortSummary, taskLink } from './taskModel.ts';

function task(overrides: Partial<TaskItem>): TaskItem {
  return {
    kind: 'visit_due',
    dueOn: '2026-12-01',
    overdue: false,
    personId: null,
    personName: null,
    link: '',
    count: null,
    params: {},
    ...overrides,
  };
}

describe('groupTasks', () => {
  it('puts groups with overdue work first, then the known order; overdue and earliest first inside', () => {
    const groups = groupTasks([
      task({ kind: 'plan_missing', personId: 'a', personName: 'Ani', dueOn: '2026-12-20' }),
      task({ kind: 'visit_due', personId: 'b', personName: 'Budi', dueOn: '2026-12-03' }),
      task({ kind: 'visit_due', personId: 'c', personName: 'Citra', dueOn: '2026-12-02' }),
      task({ kind: 'outcome_check_due', personId: 'd', dueOn: '2026-11-01', overdue: true }),
      task({ kind: 'handover_to_decide', personId: 'e', dueOn: null }),
      task({ kind: 'handover_to_decide', personId: 'f', dueOn: '2026-12-24' }),
      task({ kind: 'handover_to_decide', personId: 'g', dueOn: '2026-12-23' }),
    ]);
    expect(groups.map((group) => group.kind)).toEqual([
      'outcome_check_due',
      'handover_to_decide',
      'visit_due',
      'plan_missing',
    ]);
    expect(groups[1]?.count).toBe(3);
    expect(groups[1]?.items.map((item) => item.personId)).toEqual(['g', 'f', 'e']);
    expect(groups[2]?.items.map((item) => item.personName)).toEqual(['Citra', 'Budi']);
    expect(groups[0]?.overdue).toBe(1);
  });

  it('gives every task in a group its own key', () => {
    const [group] = groupTasks([
      task({ kind: 'escalation_open', personId: 'a', count: 2 }),
      task({ kind: 'escalation_open', personId: 'a', count: 1 }),
    ]);
    const keys = group?.items.map((item) => item.key) ?? [];
    expect(new Set(keys).size).toBe(2);
    expect(group?.count).toBe(2);
  });
});

describe('taskLink', () => {
  it('follows the server link inside the app only', () => {
    expect(taskLink(task({ link: '/bimbingan/x' }))).toBe('/bimbingan/x');
    expect(taskLink(task({ link: 'https://evil.example/', personId: 'p1' }))).toBe('/bimbingan/p1/kunjungan');
    expect(taskLink(task({ link: '//evil.example/', kind: 'handover_to_decide' }))).toBe('/serah-terima');
  });

  it('falls back to the page of the kind', () => {
    expect(taskLink(task({ kind: 'plan_missing', personId: 'p1' }))).toBe('/warga/p1?tab=rencana');
    expect(taskLink(task({ kind: 'handover_returned', personId: 'p1' }))).toBe('/warga/p1?tab=pembebasan');
    expect(taskLink(task({ kind: 'escalation_open', personId: 'p1' }))).toBe('/bimbingan/p1');
    expect(taskLink(task({ kind: 'outcome_check_due', personId: 'p1' }))).toBe('/warga/p1?tab=pembebasan');
  });

  it('internalLink refuses other sites', () => {
    expect(internalLink('javascript:alert(1)')).toBeNull();
    expect(internalLink(null)).toBeNull();
    expect(internalLink('/tugas')).toBe('/tugas');
  });
});

describe('sortSummary', () => {
  it('drops empty kinds and puts overdue first', () => {
    const sorted = sortSummary([
      { kind: 'plan_missing', count: 2, overdue: 0 },
      { kind: 'visit_due', count: 0, overdue: 0 },
      { kind: 'outcome_check_due', count: 1, overdue: 1 },
    ]);
    expect(sorted.map((item) => item.kind)).toEqual(['outcome_check_due', 'plan_missing']);
  });
});

describe('governance tasks', () => {
  it('go to the agreement or the meeting when the server link is missing', () => {
    expect(taskLink(task({ kind: 'agreement_to_approve', params: { agreementId: 'a1' } }))).toBe(
      '/tata-kelola/kesepakatan/a1',
    );
    expect(taskLink(task({ kind: 'agreement_expiring' }))).toBe('/tata-kelola/kesepakatan');
    expect(taskLink(task({ kind: 'action_item_due', params: { meetingId: 'm1' } }))).toBe(
      '/tata-kelola/rapat/m1',
    );
    expect(taskLink(task({ kind: 'action_item_due', link: '/tata-kelola/rapat/m2' }))).toBe(
      '/tata-kelola/rapat/m2',
    );
  });

  it('keys items without a person by their record, and sorts them by title after the date', () => {
    const [group] = groupTasks([
      task({ kind: 'agreement_to_approve', dueOn: null, params: { agreementId: 'b', title: 'PKS Batik' } }),
      task({ kind: 'agreement_to_approve', dueOn: null, params: { agreementId: 'a', title: 'MoU Desa' } }),
    ]);
    expect(group?.items.map((item) => item.key)).toEqual(['a:', 'b:']);
  });

  it('puts due follow-ups before most other work and expiring agreements last', () => {
    const sorted = sortSummary([
      { kind: 'agreement_expiring', count: 1, overdue: 0 },
      { kind: 'plan_missing', count: 1, overdue: 0 },
      { kind: 'action_item_due', count: 1, overdue: 0 },
    ]);
    expect(sorted.map((item) => item.kind)).toEqual([
      'action_item_due',
      'plan_missing',
      'agreement_expiring',
    ]);
  });
});
