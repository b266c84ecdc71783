import { describe, expect, it } from 'vitest';
import type { WorkPlanActivity, WorkPlanTarget } from '../../../../shared/workplans.ts';
import { formatRupiah } from '../../../lib/format.ts';
import { en } from '../../../lib/i18n/en.ts';
import { id } from '../../../lib/i18n/id.ts';
import {
  activityChecks,
  activityFormValues,
  activityRequest,
  budgetAmountOf,
  budgetRows,
  manualActualRequest,
  targetFormValues,
  targetProgress,
  targetRequest,
  targetsMet,
  workPlanQueryOf,
  yearOptions,
} from './workPlanDisplay.ts';

const AGREEMENT = '11111111-1111-4111-8111-111111111111';
const ORG = '22222222-2222-4222-8222-222222222222';

describe('workPlanQueryOf', () => {
  it('reads the filters from the address', () => {
    const params = new URLSearchParams({
      q: ' menjahit ',
      status: 'active',
      kesepakatan: AGREEMENT,
      pelaksana: ORG,
      tahun: '2026',
      halaman: '3',
    });
    expect(workPlanQueryOf(params, 25)).toEqual({
      q: 'menjahit',
      status: 'active',
      agreementId: AGREEMENT,
      responsibleOrganizationId: ORG,
      from: '2026-01-01',
      to: '2026-12-31',
      page: 3,
      pageSize: 25,
    });
  });

  it('ignores values a hand-edited address got wrong', () => {
    const params = new URLSearchParams({ status: 'berjalan', kesepakatan: 'x', tahun: '26', halaman: '-2' });
    expect(workPlanQueryOf(params, 25)).toEqual({
      q: undefined,
      status: undefined,
      agreementId: undefined,
      responsibleOrganizationId: undefined,
      from: undefined,
      to: undefined,
      page: 1,
      pageSize: 25,
    });
  });

  it('offers five years around this one, newest first', () => {
    expect(yearOptions('2026-05-01')).toEqual(['2028', '2027', '2026', '2025', '2024']);
  });
});

describe('budgetRows', () => {
  it('lists the sources with money or activities in a fixed order, with their share of the total', () => {
    const view = budgetRows({
      total: 40_000_000,
      bySource: [
        { source: 'partner', amount: 10_000_000, activityCount: 1 },
        { source: 'other', amount: 0, activityCount: 0 },
        { source: 'apbd', amount: 25_000_000, activityCount: 2 },
        { source: 'apbn', amount: 5_000_000, activityCount: 1 },
      ],
      unfundedCount: 2,
    });
    expect(view.rows).toEqual([
      { source: 'apbn', amount: 5_000_000, activityCount: 1, share: 13 },
      { source: 'apbd', amount: 25_000_000, activityCount: 2, share: 63 },
      { source: 'partner', amount: 10_000_000, activityCount: 1, share: 25 },
    ]);
    expect(view.total).toBe(40_000_000);
    expect(view.unfundedCount).toBe(2);
    expect(formatRupiah(view.total)).toBe('Rp 40.000.000');
  });

  it('has no rows and no shares without money', () => {
    expect(
      budgetRows({ total: 0, bySource: [{ source: 'apbn', amount: 0, activityCount: 0 }], unfundedCount: 3 }),
    ).toEqual({ rows: [], total: 0, unfundedCount: 3 });
  });
});

describe('targetProgress', () => {
  it('fills the bar up to 100 while the percentage may exceed it', () => {
    expect(
      targetProgress({
        metric: 'women_trained',
        targetValue: 20,
        actual: 25,
        percent: 125,
        suppressed: false,
      }),
    ).toEqual({ value: 100, percent: 125, met: true, source: 'system', suppressed: false });
    expect(
      targetProgress({ metric: 'women_placed', targetValue: 40, actual: 10, percent: 25, suppressed: false }),
    ).toMatchObject({
      value: 25,
      met: false,
      source: 'system',
    });
  });

  it('says a manual target is typed, and has no percentage until it is', () => {
    expect(
      targetProgress({ metric: 'manual', targetValue: 5, actual: null, percent: null, suppressed: false }),
    ).toEqual({ value: 0, percent: null, met: false, source: 'manual', suppressed: false });
    // Counted here when the server left it out.
    expect(
      targetProgress({ metric: 'manual', targetValue: 3, actual: 1, percent: null, suppressed: false })
        .percent,
    ).toBe(33);
  });

  it('keeps a hidden small figure hidden: no percentage, not met', () => {
    expect(
      targetProgress({
        metric: 'women_placed',
        targetValue: 3,
        actual: null,
        percent: null,
        suppressed: true,
      }),
    ).toEqual({ value: 0, percent: null, met: false, source: 'system', suppressed: true });
  });

  it('counts the targets met', () => {
    expect(
      targetsMet([
        { actual: 5, targetValue: 5 },
        { actual: 4, targetValue: 5 },
        { actual: null, targetValue: 1 },
      ]),
    ).toBe(1);
  });
});

const activity: WorkPlanActivity = {
  id: '33333333-3333-4333-8333-333333333333',
  position: 1,
  kind: 'training_cohort',
  title: 'Pelatihan menjahit',
  description: null,
  responsibleOrganization: { id: ORG, name: 'Lapas Perempuan Semarang' },
  location: 'Bengkel kerja',
  startsOn: '2026-05-04',
  endsOn: '2026-06-30',
  budgetAmount: 15_000_000,
  budgetSource: 'apbn',
  status: 'planned',
  cohort: {
    id: '44444444-4444-4444-8444-444444444444',
    name: 'Menjahit 1',
    startDate: '2026-05-04',
    endDate: '2026-06-30',
  },
  updatedAt: '2026-04-27T03:00:00.000Z',
  version: 4,
};

describe('activity form', () => {
  const period = { periodStart: '2026-05-01', periodEnd: '2026-12-31' };

  it('round-trips an activity into its request with the activity version', () => {
    const values = activityFormValues(activity);
    expect(activityRequest(values, activity.version)).toEqual({
      kind: 'training_cohort',
      title: 'Pelatihan menjahit',
      description: null,
      responsibleOrganizationId: ORG,
      location: 'Bengkel kerja',
      startsOn: '2026-05-04',
      endsOn: '2026-06-30',
      budgetAmount: 15_000_000,
      budgetSource: 'apbn',
      status: 'planned',
      cohortId: '44444444-4444-4444-8444-444444444444',
      version: 4,
    });
  });

  it('sends no source without money, and no cohort for another kind', () => {
    const values = { ...activityFormValues(activity), budgetAmount: 0, kind: 'bazaar' as const };
    expect(activityRequest(values)).toMatchObject({ budgetAmount: 0, budgetSource: null, cohortId: null });
    expect(activityRequest(values)).not.toHaveProperty('version');
  });

  it('starts a new activity in the period, for the caller, without money', () => {
    expect(
      activityFormValues(null, { responsibleOrganizationId: ORG, startsOn: '2026-05-01' }),
    ).toMatchObject({
      responsibleOrganizationId: ORG,
      startsOn: '2026-05-01',
      budgetAmount: 0,
      budgetSource: null,
      status: 'planned',
    });
  });

  it('reads a typed amount with thousands separators as whole Rupiah', () => {
    expect(budgetAmountOf('15.000.000')).toBe(15_000_000);
    expect(budgetAmountOf('')).toBe(0);
    expect(budgetAmountOf(2500)).toBe(2500);
  });

  it('checks dates against the plan period and the source against the amount', () => {
    const values = activityFormValues(activity);
    expect(activityChecks(values, period)).toEqual({});
    expect(activityChecks({ ...values, startsOn: '2026-04-30' }, period)).toEqual({
      startsOn: 'outsidePeriod',
    });
    expect(activityChecks({ ...values, endsOn: '2027-01-01' }, period)).toEqual({ endsOn: 'outsidePeriod' });
    expect(activityChecks({ ...values, endsOn: '2026-05-01' }, period)).toEqual({ endsOn: 'endBeforeStart' });
    expect(activityChecks({ ...values, budgetSource: null }, period)).toEqual({
      budgetSource: 'sourceRequired',
    });
    expect(activityChecks({ ...values, budgetSource: null, budgetAmount: 0 }, period)).toEqual({});
  });
});

const target: WorkPlanTarget = {
  id: '55555555-5555-4555-8555-555555555555',
  position: 1,
  label: 'Peserta bazar',
  metric: 'manual',
  targetValue: 100,
  activity: { id: activity.id, title: activity.title },
  manualActual: null,
  actual: null,
  percent: null,
  suppressed: false,
  version: 2,
};

describe('target form', () => {
  it('round-trips a target, keeping a manual figure only for a manual metric', () => {
    const values = { ...targetFormValues(target), manualActual: 40 };
    expect(targetRequest(values, 2)).toEqual({
      label: 'Peserta bazar',
      metric: 'manual',
      targetValue: 100,
      activityId: activity.id,
      manualActual: 40,
      version: 2,
    });
    expect(targetRequest({ ...values, metric: 'women_trained' }).manualActual).toBeNull();
    expect(targetRequest({ ...values, manualActual: '' }).manualActual).toBeNull();
  });

  it('changes only the manual actual', () => {
    expect(manualActualRequest(target, 12)).toEqual({
      label: 'Peserta bazar',
      metric: 'manual',
      targetValue: 100,
      activityId: activity.id,
      manualActual: 12,
      version: 2,
    });
  });
});

describe('labels', () => {
  it('names every source, kind, status and metric in both languages', () => {
    for (const messages of [id.workplans, en.workplans]) {
      expect(Object.keys(messages.source)).toEqual(['apbn', 'apbd', 'partner', 'other', 'none']);
      expect(Object.keys(messages.metric)).toHaveLength(6);
      expect(Object.keys(messages.kind)).toHaveLength(7);
      expect(Object.keys(messages.activityStatus)).toHaveLength(5);
    }
    expect(id.workplans.target.fromSystem).toBe('Dari data Sinergi');
    expect(id.workplans.target.manualSource).toBe('Diisi manual');
  });
});
