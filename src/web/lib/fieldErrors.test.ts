import { describe, expect, it } from 'vitest';
import { isStaleVersion, placeFieldErrors } from './fieldErrors.ts';

const values = {
  name: '',
  partnerId: null,
  aliases: ['jahit', 'menjahit'],
  skills: [{ key: 'a', skillId: null, level: 'basic' }],
  units: [
    { key: 'u1', code: '', title: 'Mengukur badan' },
    { key: 'u2', code: '', title: '' },
    { key: 'u3', code: '', title: '' },
  ],
  eligibility: { minDaysLeftToServe: '', minBehaviourScore: '' },
};

describe('placeFieldErrors', () => {
  it('puts nested errors on the row and input they name', () => {
    const { placed, unplaced } = placeFieldErrors(values, {
      'units.2.title': 'Wajib diisi',
      'eligibility.minBehaviourScore': 'Paling tinggi 100',
      name: 'Terlalu pendek',
    });
    expect(placed).toEqual({
      'units.2.title': 'Wajib diisi',
      'eligibility.minBehaviourScore': 'Paling tinggi 100',
      name: 'Terlalu pendek',
    });
    expect(unplaced).toEqual({});
  });

  it('puts an error about a whole list on the list', () => {
    expect(placeFieldErrors(values, { skills: 'Pilih minimal satu keterampilan' }).placed).toEqual({
      skills: 'Pilih minimal satu keterampilan',
    });
  });

  it('gives the errors of a tag list item to the tag input itself, the first one winning', () => {
    const { placed } = placeFieldErrors(values, { 'aliases.1': 'Terlalu panjang', 'aliases.0': 'Kosong' });
    expect(placed).toEqual({ aliases: 'Terlalu panjang' });
  });

  it('keeps errors the form has no field for apart, to be shown as a message', () => {
    const { placed, unplaced } = placeFieldErrors(values, {
      'units.7.title': 'Wajib diisi',
      organizationId: 'Tidak dikenal',
    });
    expect(placed).toEqual({});
    expect(unplaced).toEqual({ 'units.7.title': 'Wajib diisi', organizationId: 'Tidak dikenal' });
  });

  it("maps the API's names onto the form's where they differ", () => {
    const { placed } = placeFieldErrors(
      values,
      { providerOrganizationId: 'Bukan mitra' },
      { providerOrganizationId: 'partnerId' },
    );
    expect(placed).toEqual({ partnerId: 'Bukan mitra' });
  });
});

describe('isStaleVersion', () => {
  it('recognizes a record changed by someone else', () => {
    expect(isStaleVersion({ status: 409, code: 'PROGRAM_CHANGED' })).toBe(true);
    expect(isStaleVersion({ status: 409, code: 'VERSION_CONFLICT' })).toBe(true);
  });

  it('does not mistake other conflicts or errors for it', () => {
    expect(isStaleVersion({ status: 409, code: 'ENROLMENT_ALREADY_OPEN' })).toBe(false);
    expect(isStaleVersion({ status: 400, code: 'SKILL_CHANGED' })).toBe(false);
    expect(isStaleVersion(null)).toBe(false);
  });
});
