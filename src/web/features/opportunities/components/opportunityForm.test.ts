import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../../../../shared/opportunities.ts';
import {
  createOpportunityRequest,
  newSkillRow,
  numberOrNull,
  type OpportunityFormValues,
  opportunityChecks,
  opportunityFormValues,
  repeatedSkillRows,
  updateOpportunityRequest,
} from './opportunityForm.ts';
import { allowedStatusActions } from './vocabulary.ts';

const PARTNER = '0b7e6a52-1c3d-4e5f-8a9b-abcdefabcdef';
const VILLAGE = '3f2b8c1e-9d4a-4b7e-8f00-1234567890ab';
const SEWING = '11111111-2222-4333-8444-555555555555';
const PATTERN = '66666666-7777-4888-9999-aaaaaaaaaaaa';

const OPPORTUNITY: Opportunity = {
  id: 'c0ffee00-0000-4000-8000-000000000001',
  partner: { id: PARTNER, name: 'Konveksi Maju Bersama' },
  village: { id: VILLAGE, code: '33.74.13.1013', name: 'Krobokan' },
  kind: 'job_vacancy',
  title: 'Penjahit konveksi',
  sector: 'garment',
  location: 'Jl. Srinindito 12',
  places: 3,
  placedCount: 1,
  placesLeft: 2,
  startOn: '2027-01-04',
  closesOn: '2027-01-31',
  hoursPerWeek: 30,
  shiftWork: false,
  partTime: true,
  flexible: true,
  payMin: 2_500_000,
  payMax: 3_450_000,
  payPeriod: 'month',
  openToAsimilasi: true,
  skills: [
    {
      skillId: SEWING,
      code: 'GAR-01',
      nameId: 'Menjahit',
      nameEn: 'Sewing',
      sector: 'garment',
      minLevel: 'intermediate',
      essential: true,
    },
  ],
  status: 'open',
  updatedAt: '2026-11-29T03:00:00.000Z',
  description: null,
  workHours: 'Senin–Jumat 08.00–14.00',
  statusReason: null,
  openedAt: '2026-11-29T03:00:00.000Z',
  openedBy: 'Sri Lestari',
  createdAt: '2026-11-28T03:00:00.000Z',
  createdBy: 'Sri Lestari',
  version: 4,
  permissions: {
    canEdit: true,
    canOpen: false,
    canClose: true,
    canReopen: false,
    canReviewRestrictions: false,
    canPropose: false,
  },
  restrictions: {
    offences: ['narcotics'],
    note: 'Tidak dekat sekolah',
    reviewedAt: null,
    reviewedBy: null,
    version: 1,
  },
};

function filled(changes: Partial<OpportunityFormValues> = {}): OpportunityFormValues {
  return { ...opportunityFormValues(OPPORTUNITY), ...changes };
}

describe('opportunityFormValues', () => {
  it('starts a new opportunity empty, with one place and the caller’s partner and kelurahan', () => {
    const values = opportunityFormValues(null, { partnerId: PARTNER, villageId: VILLAGE });
    expect(values).toMatchObject({
      partnerId: PARTNER,
      villageId: VILLAGE,
      places: 1,
      kind: null,
      skills: [],
    });
  });

  it('fills the form from an opportunity, restrictions included for staff', () => {
    const values = opportunityFormValues(OPPORTUNITY);
    expect(values).toMatchObject({
      partnerId: PARTNER,
      villageId: VILLAGE,
      payMin: 2_500_000,
      description: '',
      restrictedOffences: ['narcotics'],
      restrictionNote: 'Tidak dekat sekolah',
    });
    expect(values.skills).toEqual([
      { key: SEWING, skillId: SEWING, minLevel: 'intermediate', essential: true },
    ]);
  });

  it('leaves the restrictions empty when the answer has none (a partner)', () => {
    const { restrictions: _omitted, ...forPartner } = OPPORTUNITY;
    expect(opportunityFormValues(forPartner)).toMatchObject({ restrictedOffences: [], restrictionNote: '' });
  });
});

describe('createOpportunityRequest', () => {
  it('sends the staff form with the partner, restrictions and, when asked, open', () => {
    const request = createOpportunityRequest(filled({ description: '  ', hoursPerWeek: '' }), 'staff', true);
    expect(request).toMatchObject({
      partnerId: PARTNER,
      villageId: VILLAGE,
      description: null,
      hoursPerWeek: null,
      payMin: 2_500_000,
      payPeriod: 'month',
      restrictedOffences: ['narcotics'],
      restrictionNote: 'Tidak dekat sekolah',
      open: true,
      skills: [{ skillId: SEWING, minLevel: 'intermediate', essential: true }],
    });
  });

  it('never sends the partner, restrictions or open for a partner’s draft', () => {
    const request = createOpportunityRequest(filled(), 'partner', true);
    expect(request).not.toHaveProperty('partnerId');
    expect(request).not.toHaveProperty('restrictedOffences');
    expect(request).not.toHaveProperty('restrictionNote');
    expect(request).not.toHaveProperty('open');
  });

  it('keeps every skill row in its place, so `skills.1.skillId` lands on the second row', () => {
    const request = createOpportunityRequest(
      filled({ skills: [...filled().skills, { ...newSkillRow(), skillId: null, essential: false }] }),
      'staff',
    );
    expect(request.skills?.[1]).toEqual({ skillId: '', minLevel: 'basic', essential: false });
  });

  it('drops a pay period that has no amount', () => {
    const request = createOpportunityRequest(filled({ payMin: '', payMax: '' }), 'staff');
    expect(request).toMatchObject({ payMin: null, payMax: null, payPeriod: null });
  });
});

describe('updateOpportunityRequest', () => {
  it('sends only what changed, with the version read', () => {
    const initial = filled();
    const request = updateOpportunityRequest(
      { ...initial, places: 5, closesOn: null, title: ' Penjahit konveksi ' },
      initial,
      'staff',
      4,
    );
    expect(request).toEqual({ places: 5, closesOn: null, version: 4 });
  });

  it('sends the whole skills list when a row changed', () => {
    const initial = filled();
    const skills = [...initial.skills, { ...newSkillRow(), skillId: PATTERN }];
    const request = updateOpportunityRequest({ ...initial, skills }, initial, 'staff', 4);
    expect(request).toEqual({
      skills: [
        { skillId: SEWING, minLevel: 'intermediate', essential: true },
        { skillId: PATTERN, minLevel: 'basic', essential: true },
      ],
      version: 4,
    });
  });

  it('never sends restrictions for a partner, even when the values carry them', () => {
    const initial = filled({ restrictedOffences: [] });
    const request = updateOpportunityRequest(
      { ...initial, restrictedOffences: ['theft'], title: 'Penjahit' },
      initial,
      'partner',
      2,
    );
    expect(request).toEqual({ title: 'Penjahit', version: 2 });
  });
});

describe('opportunityChecks', () => {
  it('accepts a consistent opportunity', () => {
    expect(opportunityChecks(filled({ closesOn: '2027-01-04' }))).toEqual({});
  });

  it('refuses a closing date before the start, no places and a pay maximum below the minimum', () => {
    expect(
      opportunityChecks(
        filled({ startOn: '2027-01-10', closesOn: '2027-01-09', places: 0, payMax: 2_000_000 }),
      ),
    ).toEqual({ closesOn: 'closesBeforeStart', places: 'placesTooFew', payMax: 'payMaxBelowMin' });
  });

  it('asks for a period once an amount is given, and a title of three characters', () => {
    expect(opportunityChecks(filled({ payPeriod: null, title: 'Ab' }))).toEqual({
      payPeriod: 'payPeriodMissing',
      title: 'titleTooShort',
    });
  });
});

describe('numberOrNull', () => {
  it('reads amounts typed with thousands dots', () => {
    expect(numberOrNull('3.450.000')).toBe(3_450_000);
    expect(numberOrNull(12)).toBe(12);
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull('dua')).toBeNull();
  });
});

describe('repeatedSkillRows', () => {
  it('finds a skill chosen twice', () => {
    const rows = [
      { ...newSkillRow(), skillId: SEWING },
      { ...newSkillRow(), skillId: PATTERN },
      { ...newSkillRow(), skillId: SEWING },
      newSkillRow(),
    ];
    expect(repeatedSkillRows(rows)).toEqual([2]);
  });
});

describe('allowedStatusActions', () => {
  it('offers what the server allows, opening first and closing last', () => {
    const none = { ...OPPORTUNITY.permissions, canClose: false };
    expect(allowedStatusActions(none)).toEqual([]);
    expect(allowedStatusActions({ ...none, canOpen: true, canClose: true })).toEqual(['open', 'close']);
    expect(allowedStatusActions({ ...none, canReopen: true })).toEqual(['reopen']);
  });
});
