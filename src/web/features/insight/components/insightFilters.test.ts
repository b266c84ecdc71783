import { describe, expect, it } from 'vitest';
import { auditFilters, dashboardQueryFromParams, periodChanges, shownFilters } from './insightFilters.ts';
import { insightTabAt, insightTabPath } from './insightTabs.ts';

const ORG = '0b6f7c1e-2a54-4d1e-9a4b-7d2a1c3e5f60';
const VILLAGE = '5a1c2e3f-4b5d-4e6f-8a9b-0c1d2e3f4a5b';

describe('dashboardQueryFromParams', () => {
  it('reads the Indonesian address keys', () => {
    const params = new URLSearchParams(`dari=2026-01&sampai=2026-06&organisasi=${ORG}&kelurahan=${VILLAGE}`);
    expect(dashboardQueryFromParams(params)).toEqual({
      from: '2026-01',
      to: '2026-06',
      organizationId: ORG,
      villageId: VILLAGE,
    });
  });

  it('drops malformed values (a bad link falls back to the defaults)', () => {
    const params = new URLSearchParams('dari=2026-13&sampai=juni&organisasi=lapas&kelurahan=');
    expect(dashboardQueryFromParams(params)).toEqual({});
  });

  it('leaves the organization out for a user without program insight', () => {
    const params = new URLSearchParams(`organisasi=${ORG}`);
    expect(dashboardQueryFromParams(params, { organization: false })).toEqual({});
  });

  it('gives the audit the period shown and the filters set', () => {
    expect(auditFilters({ villageId: VILLAGE }, { from: '2025-12', to: '2026-11' })).toEqual({
      from: '2025-12',
      to: '2026-11',
      villageId: VILLAGE,
    });
  });
});

describe('insight tabs', () => {
  it('finds the tab of an address, and whether it is the tab itself', () => {
    expect(insightTabAt('/dasbor')).toMatchObject({ tab: { label: 'program' }, root: true });
    expect(insightTabAt('/dasbor/')).toMatchObject({ tab: { label: 'program' }, root: true });
    expect(insightTabAt('/dasbor/kelurahan')).toMatchObject({ tab: { label: 'villages' }, root: true });
    expect(insightTabAt(`/dasbor/kelurahan/${VILLAGE}`)).toMatchObject({
      tab: { label: 'villages' },
      root: false,
    });
    expect(insightTabAt('/dasbor/laporan-bulanan')).toMatchObject({ tab: { label: 'report' }, root: true });
    expect(insightTabAt('/dasbor/lain')).toBeNull();
    expect(insightTabAt('/dasbor-lain')).toBeNull();
  });

  it('gives each tab its address', () => {
    expect(insightTabPath({ segment: '' })).toBe('/dasbor');
    expect(insightTabPath({ segment: 'laporan-bulanan' })).toBe('/dasbor/laporan-bulanan');
  });
});

describe('shownFilters', () => {
  const fallback = { from: '2025-12', to: '2026-11' };
  const answer = { from: '2025-01', to: '2025-06', organization: { id: ORG }, village: { id: VILLAGE } };

  it('shows the address first, not the answer still on screen', () => {
    expect(shownFilters({ from: '2026-01' }, answer, fallback)).toEqual({
      period: { from: '2026-01', to: '2025-06' },
      organizationId: ORG,
      villageId: VILLAGE,
    });
  });

  it('falls back to the defaults while the answer is a placeholder (none given)', () => {
    expect(shownFilters({ to: '2026-03' }, undefined, fallback)).toEqual({
      period: { from: '2025-12', to: '2026-03' },
      organizationId: null,
      villageId: null,
    });
  });
});

describe('periodChanges', () => {
  const period = { from: '2025-12', to: '2026-11' };

  it('writes only the month picked when the other one can stay', () => {
    expect(periodChanges(period, 'from', '2026-01', 120)).toEqual({ dari: '2026-01' });
    expect(periodChanges(period, 'to', '2026-06', 120)).toEqual({ sampai: '2026-06' });
  });

  it('moves the other month too when the two would cross or span too long', () => {
    expect(periodChanges(period, 'from', '2026-12', 120)).toEqual({ dari: '2026-12', sampai: '2026-12' });
    expect(periodChanges(period, 'to', '2025-10', 120)).toEqual({ dari: '2025-10', sampai: '2025-10' });
    expect(periodChanges(period, 'from', '2016-01', 120)).toEqual({ dari: '2016-01', sampai: '2025-12' });
  });
});
