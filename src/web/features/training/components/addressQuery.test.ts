import { describe, expect, it } from 'vitest';
import { catalogQuery, waitlistQuery, waitlistStatus } from './addressQuery.ts';

const PROGRAM = '3f2b8c1e-9d4a-4b7e-8f00-1234567890ab';

describe('catalogQuery', () => {
  it('shows active programs on the first page by default', () => {
    expect(catalogQuery(new URLSearchParams())).toEqual({
      q: undefined,
      sector: undefined,
      active: 'true',
      page: 1,
      pageSize: 25,
    });
  });

  it('reads the search, sector, status and page from the address', () => {
    const query = catalogQuery(new URLSearchParams('q=+jahit+&sektor=garment&status=semua&halaman=3'));
    expect(query).toMatchObject({ q: 'jahit', sector: 'garment', active: undefined, page: 3 });
    expect(catalogQuery(new URLSearchParams('status=nonaktif')).active).toBe('false');
  });

  it('drops values an edited address made up', () => {
    const query = catalogQuery(new URLSearchParams('sektor=astronomy&status=x&halaman=-2'));
    expect(query).toMatchObject({ sector: undefined, active: 'true', page: 1 });
  });
});

describe('waitlistQuery', () => {
  it('shows who is still waiting (pending and approved) by default', () => {
    expect(waitlistQuery(new URLSearchParams())).toEqual({
      programId: undefined,
      status: 'pending,approved',
      q: undefined,
      page: 1,
      pageSize: 25,
    });
  });

  it('filters by program, one status or none, and a name', () => {
    expect(waitlistQuery(new URLSearchParams(`program=${PROGRAM}&status=declined&q=siti`))).toMatchObject({
      programId: PROGRAM,
      status: 'declined',
      q: 'siti',
    });
    expect(waitlistQuery(new URLSearchParams('status=semua')).status).toBeUndefined();
  });

  it('ignores a program that is not an id and a status that does not exist', () => {
    const query = waitlistQuery(new URLSearchParams('program=abc&status=lost'));
    expect(query.programId).toBeUndefined();
    expect(query.status).toBe('pending,approved');
    expect(waitlistStatus('lost').filter).toBe('menunggu');
  });
});
