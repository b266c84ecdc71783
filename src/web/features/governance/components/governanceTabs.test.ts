import { describe, expect, it } from 'vitest';
import { type Access, accessFor } from '../../../lib/access.ts';
import {
  canOpenGovernance,
  governanceTabAt,
  governanceTabPath,
  governanceTabsFor,
} from './governanceTabs.ts';

function access(flags: Partial<Access>): Access {
  return { ...accessFor([]), ...flags };
}

describe('governanceTabAt', () => {
  it('finds the tab by the first segment, records and new-record pages included', () => {
    expect(governanceTabAt('/tata-kelola')).toMatchObject({ tab: { label: 'overview' }, root: true });
    expect(governanceTabAt('/tata-kelola/')).toMatchObject({ tab: { label: 'overview' }, root: true });
    expect(governanceTabAt('/tata-kelola/kesepakatan')).toMatchObject({
      tab: { label: 'agreements' },
      root: true,
    });
    expect(governanceTabAt('/tata-kelola/kesepakatan/baru')).toMatchObject({
      tab: { label: 'agreements' },
      root: false,
    });
    expect(governanceTabAt('/tata-kelola/rapat/4b1c')).toMatchObject({
      tab: { label: 'meetings' },
      root: false,
    });
    expect(governanceTabAt('/tata-kelola/program-teknis/x')).toMatchObject({ tab: { label: 'workPlans' } });
    expect(governanceTabAt('/tata-kelola/laporan/x')).toMatchObject({ tab: { label: 'reports' } });
    expect(governanceTabAt('/tata-kelola/wakil')).toMatchObject({ tab: { label: 'delegates' }, root: true });
  });

  it('knows nothing outside governance or under an unknown segment', () => {
    expect(governanceTabAt('/tata-kelolaan')).toBeNull();
    expect(governanceTabAt('/tata-kelola/lain')).toBeNull();
    expect(governanceTabAt('/perencanaan')).toBeNull();
  });
});

describe('governanceTabsFor', () => {
  it('shows the delegates tab to heads only', () => {
    const staff = access({ canReadAgreements: true, canReadWorkPlans: true, canReadMeetings: true });
    expect(governanceTabsFor(staff).map((tab) => tab.label)).toEqual([
      'overview',
      'agreements',
      'workPlans',
      'meetings',
      'reports',
    ]);
    expect(governanceTabsFor({ ...staff, canApproveAgreements: true }).at(-1)?.label).toBe('delegates');
  });

  it('gives nothing without any governance access (approval alone does not open it)', () => {
    expect(canOpenGovernance(access({}))).toBe(false);
    expect(governanceTabsFor(access({ canApproveAgreements: true }))).toEqual([]);
    expect(governanceTabsFor(access({ canReadMeetings: true })).map((tab) => tab.label)).toEqual([
      'overview',
      'meetings',
      'reports',
    ]);
  });

  it('makes the addresses', () => {
    const [overview, agreements] = governanceTabsFor(access({ canReadAgreements: true }));
    expect(overview && governanceTabPath(overview)).toBe('/tata-kelola');
    expect(agreements && governanceTabPath(agreements)).toBe('/tata-kelola/kesepakatan');
  });
});
