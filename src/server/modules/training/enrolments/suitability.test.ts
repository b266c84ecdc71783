import { describe, expect, it } from 'vitest';
import { type CandidateFacts, type CohortFacts, capacityCheck, personalChecks } from './suitability.ts';

const cohort: CohortFacts = {
  id: 'c1',
  programId: 'p1',
  organizationId: 'lapas',
  startDate: '2027-01-04',
  endDate: '2027-02-26',
  schedule: [{ weekday: 1, start: '09:00', end: '12:00' }],
};
const candidate: CandidateFacts = {
  status: 'approved',
  programId: 'p1',
  personOrganizationId: 'lapas',
  anonymized: false,
  releaseDate: '2028-06-01',
  transfer: null,
  behaviour: { month: '2026-10-01', score: 80 },
  otherCohorts: [],
};
const statusOf = (checks: ReturnType<typeof personalChecks>, name: string) =>
  checks.find((check) => check.check === name)?.status;

describe('suitability checks', () => {
  it('finds nothing to warn about for a woman with time to serve, a good score and a free schedule', () => {
    const checks = personalChecks(cohort, candidate, { minBehaviourScore: 65 }, '2026-11-29');
    expect(checks.map((check) => [check.check, check.status])).toEqual([
      ['release_before_end', 'ok'],
      ['transfer_before_end', 'ok'],
      ['time_left', 'ok'],
      ['behaviour', 'ok'],
      ['schedule_clash', 'ok'],
      ['not_approved', 'ok'],
    ]);
  });

  it('measures the time left from the cohort’s start, or from today once it has started', () => {
    const releasing = { ...candidate, releaseDate: '2027-05-04' };
    const before = personalChecks(cohort, releasing, { minDaysLeftToServe: 120 }, '2026-11-29');
    expect(before.find((check) => check.check === 'time_left')).toEqual({
      check: 'time_left',
      status: 'ok',
      params: { releaseDate: '2027-05-04', daysLeft: 120, minDays: 120 },
    });
    const started = personalChecks(cohort, releasing, { minDaysLeftToServe: 120 }, '2027-01-10');
    expect(started.find((check) => check.check === 'time_left')?.params).toMatchObject({ daysLeft: 114 });
    expect(statusOf(started, 'time_left')).toBe('warning');
  });

  it('does not warn about release when no release date is known', () => {
    const unknown = personalChecks(cohort, { ...candidate, releaseDate: null }, {}, '2026-11-29');
    expect(statusOf(unknown, 'release_before_end')).toBe('ok');
    expect(statusOf(unknown, 'time_left')).toBe('ok');
  });

  it('warns about a planned transfer on or before the cohort’s last day, but not a past or later one', () => {
    const transferOn = (plannedOn: string, today = '2026-11-29') =>
      personalChecks(
        cohort,
        { ...candidate, transfer: { plannedOn, destination: 'Lapas Perempuan Bandung' } },
        {},
        today,
      ).find((check) => check.check === 'transfer_before_end');
    expect(transferOn('2027-02-01')).toEqual({
      check: 'transfer_before_end',
      status: 'warning',
      params: { transferDate: '2027-02-01', endDate: '2027-02-26', destination: 'Lapas Perempuan Bandung' },
    });
    expect(transferOn('2027-02-26')?.status).toBe('warning');
    expect(transferOn('2027-02-27')?.status).toBe('ok');
    // A planned date already past is stale: she is still here.
    expect(transferOn('2026-11-28')?.status).toBe('ok');
    expect(transferOn('2026-11-29')?.status).toBe('warning');
    expect(statusOf(personalChecks(cohort, candidate, {}, '2026-11-29'), 'transfer_before_end')).toBe('ok');
  });

  it('warns when the program asks for a behaviour score and none is recorded', () => {
    const none = personalChecks(
      cohort,
      { ...candidate, behaviour: null },
      { minBehaviourScore: 65 },
      '2026-11-29',
    );
    expect(statusOf(none, 'behaviour')).toBe('warning');
    expect(
      statusOf(personalChecks(cohort, { ...candidate, behaviour: null }, {}, '2026-11-29'), 'behaviour'),
    ).toBe('ok');
  });

  it('blocks another program’s request, a closed one, and someone no longer held by the prison', () => {
    const cause = (facts: Partial<CandidateFacts>) =>
      personalChecks(cohort, { ...candidate, ...facts }, {}, '2026-11-29').find(
        (check) => check.check === 'not_approved',
      );
    expect(cause({ programId: 'p2' })).toMatchObject({ status: 'blocked', params: { cause: 'program' } });
    expect(cause({ status: 'declined' })).toMatchObject({ status: 'blocked', params: { cause: 'status' } });
    expect(cause({ status: 'pending' })?.status).toBe('ok');
    expect(cause({ personOrganizationId: 'elsewhere' })).toMatchObject({ params: { cause: 'person' } });
    expect(cause({ anonymized: true })?.status).toBe('blocked');
  });

  it('blocks the capacity once the places are taken', () => {
    expect(capacityCheck(10, 9, 1).status).toBe('ok');
    expect(capacityCheck(10, 9, 2)).toEqual({
      check: 'capacity',
      status: 'blocked',
      params: { capacity: 10, allocated: 9, position: 2 },
    });
  });
});
