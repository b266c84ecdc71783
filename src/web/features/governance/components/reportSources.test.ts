import { describe, expect, it } from 'vitest';
import { activityRange, reportSourceKinds } from './reportSources.ts';

describe('report sources', () => {
  it('offers last year and this year of activities', () => {
    expect(activityRange('2026-11-30')).toEqual({ from: '2025-01-01', to: '2026-12-31' });
  });

  it('offers the kinds she manages', () => {
    expect(reportSourceKinds({ canManageMeetings: true, canManageWorkPlans: true })).toEqual([
      'meeting',
      'activity',
    ]);
    expect(reportSourceKinds({ canManageMeetings: false, canManageWorkPlans: true })).toEqual(['activity']);
    expect(reportSourceKinds({ canManageMeetings: false, canManageWorkPlans: false })).toEqual([]);
  });
});
