import { describe, expect, it } from 'vitest';
import { isoDateOrUndefined, opportunityListHref, opportunityListQuery } from './addressQuery.ts';
import { managedVillages } from './managedVillages.ts';

const VILLAGE = '3f2b8c1e-9d4a-4b7e-8f00-1234567890ab';
const PARTNER = '0b7e6a52-1c3d-4e5f-8a9b-abcdefabcdef';

describe('opportunityListQuery', () => {
  it('shows every opportunity, newest first, on the first page by default', () => {
    expect(opportunityListQuery(new URLSearchParams())).toEqual({
      villageId: undefined,
      partnerId: undefined,
      sector: undefined,
      kind: undefined,
      status: undefined,
      hasOpenPlaces: undefined,
      startsBefore: undefined,
      q: undefined,
      sort: 'newest',
      page: 1,
      pageSize: 25,
    });
  });

  it('reads every filter of the address into the API query', () => {
    const params = new URLSearchParams(
      `kelurahan=${VILLAGE}&mitra=${PARTNER}&sektor=garment&jenis=job_vacancy&status=open&tersedia=ya` +
        '&mulaiSebelum=2027-01-31&q=+penjahit+&urut=closing&halaman=2',
    );
    expect(opportunityListQuery(params)).toEqual({
      villageId: VILLAGE,
      partnerId: PARTNER,
      sector: 'garment',
      kind: 'job_vacancy',
      status: 'open',
      hasOpenPlaces: 'true',
      startsBefore: '2027-01-31',
      q: 'penjahit',
      sort: 'closing',
      page: 2,
      pageSize: 25,
    });
  });

  it('drops what an edited address made up instead of sending it to the API', () => {
    const params = new URLSearchParams(
      'kelurahan=krobokan&sektor=astronomy&jenis=lottery&status=lost&tersedia=true&mulaiSebelum=2027-02-30&urut=x&halaman=-1',
    );
    expect(opportunityListQuery(params)).toMatchObject({
      villageId: undefined,
      sector: undefined,
      kind: undefined,
      status: undefined,
      hasOpenPlaces: undefined,
      startsBefore: undefined,
      sort: 'newest',
      page: 1,
    });
  });
});

describe('isoDateOrUndefined', () => {
  it('keeps real calendar days in the range the API accepts', () => {
    expect(isoDateOrUndefined('2028-02-29')).toBe('2028-02-29');
    expect(isoDateOrUndefined('2027-02-29')).toBeUndefined();
    expect(isoDateOrUndefined('31/01/2027')).toBeUndefined();
    expect(isoDateOrUndefined('0050-01-01')).toBeUndefined();
    expect(isoDateOrUndefined(null)).toBeUndefined();
  });
});

describe('opportunityListHref', () => {
  it('links to the list filtered by kelurahan or partner', () => {
    expect(opportunityListHref({ villageId: VILLAGE })).toBe(`/peluang?kelurahan=${VILLAGE}`);
    expect(opportunityListHref({ partnerId: PARTNER })).toBe(`/peluang?mitra=${PARTNER}`);
    expect(opportunityListHref({})).toBe('/peluang');
  });
});

describe('managedVillages', () => {
  const KECAMATAN = '00000000-0000-4000-8000-000000000003';
  const villages = [
    { id: VILLAGE, parentId: KECAMATAN },
    { id: '4a4855ea-07f8-46e5-b718-6e1eee098a6b', parentId: KECAMATAN },
    { id: '9d1e0c55-0000-4000-8000-00000000abcd', parentId: '9d1e0c55-0000-4000-8000-00000000ffff' },
  ];

  it('offers a kelurahan officer only her own kelurahan', () => {
    expect(managedVillages(villages, { id: VILLAGE, kind: 'village' }).map((v) => v.id)).toEqual([VILLAGE]);
  });

  it('offers the kecamatan its own kelurahan, and a partner every kelurahan', () => {
    expect(managedVillages(villages, { id: KECAMATAN, kind: 'district' })).toHaveLength(2);
    expect(managedVillages(villages, { id: PARTNER, kind: 'partner' })).toHaveLength(3);
  });
});
