import { describe, expect, it } from 'vitest';
import { prereleaseQueryFromAddress, sortChanges, sortValue } from './prereleaseQuery.ts';

const query = (search: string) => prereleaseQueryFromAddress(new URLSearchParams(search));

describe('the pre-release dashboard address', () => {
  it('defaults to 90 days, any milestone, the nearest date first, page 1', () => {
    expect(query('')).toEqual({
      windowDays: 90,
      milestone: 'any',
      status: undefined,
      handover: undefined,
      q: undefined,
      sort: 'date',
      order: 'asc',
      page: 1,
      pageSize: 25,
    });
  });

  it('reads every filter by its Indonesian key', () => {
    expect(
      query(
        'hari=30&tanggal=parole&status=pre_release&serah=returned&q=%20sri%20&urut=name&arah=desc&halaman=3',
      ),
    ).toMatchObject({
      windowDays: 30,
      milestone: 'parole',
      status: 'pre_release',
      handover: 'returned',
      q: 'sri',
      sort: 'name',
      order: 'desc',
      page: 3,
    });
  });

  it('drops what an edited address made up instead of sending it', () => {
    expect(query('hari=0&tanggal=pb&status=free&serah=lost&urut=age&arah=up&halaman=-2')).toMatchObject({
      windowDays: 90,
      milestone: 'any',
      status: undefined,
      handover: undefined,
      sort: 'date',
      order: 'asc',
      page: 1,
    });
    expect(query('hari=400').windowDays).toBe(90);
    expect(query('hari=1.5').windowDays).toBe(90);
  });

  it('keeps the natural order of each sort out of the address', () => {
    expect(sortChanges('date:asc')).toEqual({ urut: null, arah: null });
    expect(sortChanges('date:desc')).toEqual({ urut: null, arah: 'desc' });
    expect(sortChanges('completeness:asc')).toEqual({ urut: 'completeness', arah: null });
    expect(sortChanges('name:desc')).toEqual({ urut: 'name', arah: 'desc' });
    expect(sortChanges(null)).toEqual({ urut: null, arah: null });
    expect(sortValue(query('urut=completeness'))).toBe('completeness:asc');
    expect(sortValue(query('arah=desc'))).toBe('date:desc');
  });
});
