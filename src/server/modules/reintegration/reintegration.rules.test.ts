import { describe, expect, it } from 'vitest';
import { planCompleteness, planMissing, reintegrationClosed } from '../../../shared/reintegration.ts';

// The one definition of completeness and missing items (dashboard, plan tab, PDF), and when a plan may no
// longer be made.

const base = {
  hasPlan: true,
  pathwaysNotStarted: 0,
  intendedVillageId: 'v',
  guaranteeAcknowledgedOn: '2026-01-01',
  handoverState: 'none' as const,
  releaseDate: '2026-12-31',
  releasedOn: null,
  today: '2026-11-29',
};

describe('plan completeness', () => {
  it('is the rounded share of the eight pathways started', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(planCompleteness)).toEqual([0, 13, 25, 38, 50, 63, 75, 88, 100]);
  });
});

describe('missing items', () => {
  it('lists no_plan alone without a plan (and a handover when release is near)', () => {
    expect(planMissing({ ...base, hasPlan: false, releaseDate: '2027-06-01' })).toEqual([
      { item: 'no_plan' },
    ]);
    expect(planMissing({ ...base, hasPlan: false, releaseDate: '2026-12-20' })).toEqual([
      { item: 'no_plan' },
      { item: 'no_handover' },
    ]);
  });

  it('lists what a plan lacks, in order', () => {
    expect(
      planMissing({ ...base, pathwaysNotStarted: 3, intendedVillageId: null, guaranteeAcknowledgedOn: null }),
    ).toEqual([
      { item: 'pathways_not_started', count: 3 },
      { item: 'no_intended_village' },
      { item: 'guarantee_not_acknowledged' },
    ]);
    expect(planMissing(base)).toEqual([]);
  });

  it('asks for a handover 30 days before release unless one is sent or accepted, not after release', () => {
    expect(planMissing({ ...base, releaseDate: '2026-12-29' })).toEqual([{ item: 'no_handover' }]);
    expect(planMissing({ ...base, releaseDate: '2026-12-30' })).toEqual([]);
    expect(planMissing({ ...base, releaseDate: '2026-11-01' })).toEqual([{ item: 'no_handover' }]);
    expect(planMissing({ ...base, releaseDate: '2026-12-01', handoverState: 'returned' })).toEqual([
      { item: 'no_handover' },
    ]);
    expect(planMissing({ ...base, releaseDate: '2026-12-01', handoverState: 'sent' })).toEqual([]);
    expect(planMissing({ ...base, releaseDate: '2026-12-01', handoverState: 'accepted' })).toEqual([]);
    expect(planMissing({ ...base, releaseDate: '2026-11-01', releasedOn: '2026-11-01' })).toEqual([]);
  });
});

describe('when no new plan may be made', () => {
  const person: Parameters<typeof reintegrationClosed>[0] = {
    releaseDate: '2026-11-29',
    releasedOn: null,
    supervisionEndDate: null,
    returnedOn: null,
    handoverAccepted: false,
    today: '2026-11-29',
  };
  const closed = (change: Partial<typeof person>) => reintegrationClosed({ ...person, ...change });

  it('allows one in custody, on her release day, and under supervision', () => {
    expect(closed({ releaseDate: '2027-06-01' })).toBe(false);
    expect(closed({ releaseDate: null })).toBe(false);
    expect(closed({})).toBe(false);
    expect(closed({ releasedOn: '2026-11-20', supervisionEndDate: '2027-11-20' })).toBe(false);
  });

  it('allows a freshly released client under an accepted handover, her supervision end not yet recorded', () => {
    expect(closed({ releaseDate: '2026-11-20', releasedOn: '2026-11-20', handoverAccepted: true })).toBe(
      false,
    );
    expect(closed({ releaseDate: '2026-11-20', handoverAccepted: true })).toBe(false);
  });

  it('allows one back in custody', () => {
    expect(
      closed({ releasedOn: '2025-01-01', supervisionEndDate: '2025-06-01', returnedOn: '2026-01-01' }),
    ).toBe(false);
  });

  it('refuses once her supervision has ended, or when she was freed without supervision', () => {
    expect(closed({ releasedOn: '2025-01-01', supervisionEndDate: '2025-06-01' })).toBe(true);
    expect(
      closed({ releasedOn: '2025-01-01', supervisionEndDate: '2026-11-29', handoverAccepted: true }),
    ).toBe(true);
    expect(closed({ releaseDate: '2026-11-28' })).toBe(true);
    expect(closed({ releaseDate: '2026-11-20', releasedOn: '2026-11-20' })).toBe(true);
  });
});
