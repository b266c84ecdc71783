import { describe, expect, it } from 'vitest';
import type { PartnerDetail } from '../../../../shared/partners.ts';
import { partnerListHref, partnerListQuery } from './addressQuery.ts';
import {
  agreementEndsBeforeSigned,
  agreementState,
  createPartnerRequest,
  looksLikeEmail,
  newContactRow,
  partnerFormValues,
  updatePartnerRequest,
} from './partnerForm.ts';

const PARTNER = '0b7e6a52-1c3d-4e5f-8a9b-abcdefabcdef';
const VILLAGE = '3f2b8c1e-9d4a-4b7e-8f00-1234567890ab';

const DETAIL: PartnerDetail = {
  id: PARTNER,
  name: 'Konveksi Maju Bersama',
  shortName: 'KMB',
  type: 'umkm',
  sectors: ['garment'],
  villageId: VILLAGE,
  villageName: 'Krobokan',
  address: 'Jl. Srinindito 12',
  willingToEmploy: 'yes',
  agreementNumber: 'PKS/12/2026',
  agreementExpiresOn: '2027-12-31',
  agreementCurrent: true,
  openOpportunities: 2,
  hasProfile: true,
  phone: '024 760 1234',
  email: null,
  contacts: [{ name: 'Bu Ratna', position: 'Pemilik', phone: null, email: 'ratna@example.id' }],
  description: null,
  willingnessNote: null,
  agreementSignedOn: '2026-01-15',
  updatedAt: '2026-11-29T03:00:00.000Z',
  canEdit: true,
  version: 3,
  agreements: [],
};

describe('partnerListQuery', () => {
  it('lists every partner on the first page by default', () => {
    expect(partnerListQuery(new URLSearchParams())).toEqual({
      q: undefined,
      type: undefined,
      sector: undefined,
      villageId: undefined,
      willing: undefined,
      page: 1,
      pageSize: 25,
    });
  });

  it('reads the filters of the address and drops made-up values', () => {
    expect(
      partnerListQuery(
        new URLSearchParams(
          `q=+konveksi+&jenis=umkm&sektor=garment&kelurahan=${VILLAGE}&bersedia=yes&halaman=2`,
        ),
      ),
    ).toEqual({
      q: 'konveksi',
      type: 'umkm',
      sector: 'garment',
      villageId: VILLAGE,
      willing: 'yes',
      page: 2,
      pageSize: 25,
    });
    expect(
      partnerListQuery(new URLSearchParams('jenis=bank&sektor=space&kelurahan=x&bersedia=maybe&halaman=0')),
    ).toMatchObject({
      type: undefined,
      sector: undefined,
      villageId: undefined,
      willing: undefined,
      page: 1,
    });
  });

  it('links to the directory of one kelurahan', () => {
    expect(partnerListHref({ villageId: VILLAGE })).toBe(`/mitra?kelurahan=${VILLAGE}`);
  });
});

describe('partner form ↔ request', () => {
  it('starts a new partner in the officer’s kelurahan, willingness unknown, with one contact row', () => {
    const values = partnerFormValues(null, { villageId: VILLAGE });
    expect(values).toMatchObject({ villageId: VILLAGE, willingToEmploy: 'unknown', type: null });
    expect(values.contacts).toHaveLength(1);
  });

  it('sends empty texts as null and every contact row in its place', () => {
    const values = {
      ...partnerFormValues(null),
      name: ' Warung Bu Sri ',
      type: 'umkm' as const,
      contacts: [{ ...newContactRow(), name: 'Sri', email: '  ' }, { ...newContactRow() }],
    };
    const request = createPartnerRequest(values);
    expect(request).toMatchObject({ name: 'Warung Bu Sri', shortName: null, email: null, villageId: null });
    expect(request.contacts).toEqual([
      { name: 'Sri', position: null, phone: null, email: null },
      { name: '', position: null, phone: null, email: null },
    ]);
  });

  it('sends only what changed on an edit, with the version', () => {
    const initial = partnerFormValues(DETAIL);
    const request = updatePartnerRequest(
      { ...initial, willingToEmploy: 'case_by_case', agreementExpiresOn: null },
      initial,
      DETAIL.version,
    );
    expect(request).toEqual({ willingToEmploy: 'case_by_case', agreementExpiresOn: null, version: 3 });
  });

  it('names the type on the first save of a partner without a profile (version 0)', () => {
    const bare = { ...DETAIL, type: null, hasProfile: false, version: 0 };
    const initial = partnerFormValues(bare);
    const request = updatePartnerRequest({ ...initial, type: 'company' }, { ...initial, type: 'company' }, 0);
    expect(request).toEqual({ type: 'company', version: 0 });
  });
});

describe('partner checks', () => {
  it('refuses an agreement that ends before it was signed', () => {
    expect(
      agreementEndsBeforeSigned({ agreementSignedOn: '2026-05-01', agreementExpiresOn: '2026-04-30' }),
    ).toBe(true);
    expect(agreementEndsBeforeSigned({ agreementSignedOn: '2026-05-01', agreementExpiresOn: null })).toBe(
      false,
    );
  });

  it('accepts empty or plausible e-mail addresses only', () => {
    expect(looksLikeEmail('')).toBe(true);
    expect(looksLikeEmail('ratna@example.id')).toBe(true);
    expect(looksLikeEmail('ratna@')).toBe(false);
  });

  it('tells an agreement in force from an expired, a future or a missing one', () => {
    const today = '2026-11-29';
    expect(agreementState(DETAIL, today)).toBe('valid');
    expect(agreementState({ ...DETAIL, agreementExpiresOn: '2026-11-28' }, today)).toBe('expired');
    expect(agreementState({ ...DETAIL, agreementSignedOn: '2026-12-01' }, today)).toBe('notYet');
    expect(agreementState({ ...DETAIL, agreementNumber: null }, today)).toBe('none');
  });
});
