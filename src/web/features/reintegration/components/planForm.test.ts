import { describe, expect, it } from 'vitest';
import type { ReintegrationPlan } from '../../../../shared/reintegration.ts';
import { defaultTargetDate, detailsRequest, detailsValues } from './planForm.ts';

const plan = {
  intendedVillage: { id: '00000000-0000-4000-8000-000000000001', name: 'Krobokan' },
  opportunity: { id: '00000000-0000-4000-8000-000000000002', title: 'Penjahit', partnerName: 'Konveksi' },
  placement: null,
  guarantee: { letterNumber: 'SJ/1', acknowledgedOn: null, acknowledgedBy: null, document: null },
  summary: 'Ringkas',
} as unknown as ReintegrationPlan;

describe('plan form default target date', () => {
  it('targets a goal from her release, the expected one, or today', () => {
    expect(defaultTargetDate({ releasedOn: '2026-01-10', releaseDate: '2026-03-01' }, 3, '2026-11-29')).toBe(
      '2026-04-10',
    );
    expect(defaultTargetDate({ releasedOn: null, releaseDate: '2027-03-01' }, 6, '2026-11-29')).toBe(
      '2027-09-01',
    );
    expect(defaultTargetDate({ releasedOn: null, releaseDate: null }, 12, '2026-11-29')).toBe('2027-11-29');
  });
});

describe('plan details request', () => {
  it('sends only the version when nothing changed', () => {
    const values = detailsValues(plan);
    expect(detailsRequest(values, { ...values }, 4)).toEqual({ version: 4 });
  });
  it('sends changed fields, empty text as null', () => {
    const before = detailsValues(plan);
    const after = {
      ...before,
      guaranteeLetterNumber: '  ',
      guaranteeAcknowledgedOn: '2026-11-01',
      summary: 'Baru ',
    };
    expect(detailsRequest(before, after, 2)).toEqual({
      version: 2,
      guaranteeLetterNumber: null,
      guaranteeAcknowledgedOn: '2026-11-01',
      summary: 'Baru',
    });
  });
  it('chooses a placement, or clears the choice entirely', () => {
    const before = detailsValues(plan);
    expect(before.choice).toBe('opportunity:00000000-0000-4000-8000-000000000002');
    const placementId = '00000000-0000-4000-8000-000000000003';
    expect(detailsRequest(before, { ...before, choice: placementId }, 1)).toEqual({
      version: 1,
      placementId,
    });
    expect(detailsRequest(before, { ...before, choice: null }, 1)).toEqual({
      version: 1,
      placementId: null,
      opportunityId: null,
    });
  });
});
