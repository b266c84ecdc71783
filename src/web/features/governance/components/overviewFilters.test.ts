import { describe, expect, it } from 'vitest';
import { expiryOrder, expiryUrgency, overviewQueryFromParams } from './overviewFilters.ts';

const ORG = '3f2b8c1e-0a4d-4e5f-9a6b-7c8d9e0f1a2b';

describe('overviewQueryFromParams', () => {
  it('shows the unfinished follow-ups by default, first page', () => {
    const { query, status, organizationId } = overviewQueryFromParams(new URLSearchParams());
    expect(status).toBe('pending');
    expect(organizationId).toBeNull();
    expect(query).toEqual({ page: 1, pageSize: 25, organizationId: undefined, status: 'pending' });
  });

  it('reads the organization, a status, `all` and the page from the address', () => {
    const { query, status } = overviewQueryFromParams(
      new URLSearchParams({ organisasi: ORG, status: 'overdue', halaman: '3' }),
    );
    expect(status).toBe('overdue');
    expect(query).toMatchObject({ organizationId: ORG, status: 'overdue', page: 3 });
    expect(overviewQueryFromParams(new URLSearchParams({ status: 'all' })).query.status).toBeUndefined();
  });

  it('ignores what the API would refuse (an edited address)', () => {
    const { query, status } = overviewQueryFromParams(
      new URLSearchParams({ organisasi: 'bukan-uuid', status: 'selesai', halaman: '-2' }),
    );
    expect(status).toBe('pending');
    expect(query).toMatchObject({ organizationId: undefined, status: 'pending', page: 1 });
  });
});

describe('expiry', () => {
  it('names how urgent an end is', () => {
    expect(expiryUrgency(-1)).toBe('expired');
    expect(expiryUrgency(0)).toBe('soon');
    expect(expiryUrgency(30)).toBe('soon');
    expect(expiryUrgency(31)).toBe('near');
    expect(expiryUrgency(90)).toBe('near');
    expect(expiryUrgency(91)).toBe('later');
    expect(expiryUrgency(null)).toBe('later');
  });

  it('puts the running ones by end date first, then the expired ones most recent first', () => {
    const order = expiryOrder([
      { id: 'a', daysLeft: -40, validUntil: '2026-10-21' },
      { id: 'b', daysLeft: -2, validUntil: '2026-11-28' },
      { id: 'c', daysLeft: null, validUntil: null },
      { id: 'd', daysLeft: 300, validUntil: '2027-09-26' },
      { id: 'e', daysLeft: 12, validUntil: '2026-12-12' },
    ]);
    expect(order.map((item) => item.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });
});
