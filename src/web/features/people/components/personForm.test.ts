import { describe, expect, it } from 'vitest';
import type { Person } from '../../../../shared/people.ts';
import {
  changedFields,
  emptyPersonForm,
  mergeAfterConflict,
  personFields,
  personFormFrom,
} from './personForm.ts';

const saved: Person = {
  id: '00000000-0000-4000-8000-000000000001',
  displayName: 'Siti Nurhaliza',
  fullName: 'Siti Nurhaliza',
  aliases: ['Ita'],
  nik: '3374135705900001',
  birthPlace: 'Semarang',
  birthDate: '1990-05-17',
  educationLevel: 'sma',
  maritalStatus: 'married',
  dependentChildren: 2,
  phone: '0812 3456 7890',
  guarantor: { name: 'Sumiyati', relation: 'Ibu', address: null, phone: null },
  domicileAddress: 'Jl. Pamularsih 12',
  domicileVillage: { code: '33.74.13.1010', name: 'Krobokan' },
  intendedVillage: { id: '00000000-0000-4000-8000-000000000002', name: 'Kelurahan Krobokan' },
  registrationNumber: 'BI.001/2026',
  interests: 'Menjahit',
  preferredSectors: ['garment'],
  constraints: { childcare: true },
  religion: null,
  ethnicity: null,
  skills: [
    {
      id: '00000000-0000-4000-8000-000000000003',
      name: 'Menjahit',
      sector: 'garment',
      level: 'basic',
      evidence: 'self_reported',
      note: null,
    },
  ],
  status: 'in_custody',
  releaseDate: '2027-01-01',
  organization: { id: '00000000-0000-4000-8000-000000000004', name: 'Lapas' },
  links: [],
  anonymized: false,
  visibleGroups: ['identity_contact', 'skills_training', 'availability_status', 'plan'],
  corrections: true,
  canEdit: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 3,
};

describe('the person form', () => {
  it('sends empty inputs as null and leaves out a guarantor nobody filled in', () => {
    const fields = personFields({ ...emptyPersonForm(), fullName: '  Rina  ', nik: '3374 1357 0590 0001' });
    expect(fields).toMatchObject({ fullName: 'Rina', nik: '3374135705900001', phone: null, guarantor: null });
    expect(fields.constraints).toEqual({ childcare: false, partTimeOnly: false, health: null });
  });

  it('an edit sends only the fields that changed', () => {
    const base = personFormFrom(saved);
    expect(changedFields(base, base)).toEqual({});
    const edited = {
      ...base,
      phone: '0813 0000 1111',
      guarantor: { ...base.guarantor, address: 'Jl. Siliwangi' },
    };
    expect(changedFields(base, edited)).toEqual({
      phone: '0813 0000 1111',
      guarantor: { name: 'Sumiyati', relation: 'Ibu', address: 'Jl. Siliwangi', phone: null },
    });
  });

  it("after a conflict keeps the officer's changes and takes the other officer's for the rest", () => {
    const oldBase = personFormFrom(saved);
    const mine = { ...oldBase, interests: 'Usaha jahit di rumah' };
    const theirs = personFormFrom({ ...saved, phone: '0813 1111 2222', interests: 'Batik', version: 4 });
    const merged = mergeAfterConflict(oldBase, mine, theirs);
    expect(merged.interests).toBe('Usaha jahit di rumah');
    expect(merged.phone).toBe('0813 1111 2222');
    expect(changedFields(theirs, merged)).toEqual({ interests: 'Usaha jahit di rumah' });
  });
});
