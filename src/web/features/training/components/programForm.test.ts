import { describe, expect, it } from 'vitest';
import type { Program } from '../../../../shared/programs.ts';
import {
  numberOrNull,
  programFieldRenames,
  programFormValues,
  programRequest,
  repeatedSkillRows,
  updateProgramRequest,
} from './programForm.ts';

const PRISON = '00000000-0000-4000-8000-000000000001';
const BLK = '00000000-0000-4000-8000-000000000002';
const SEWING = '00000000-0000-4000-8000-000000000010';
const FASHION = '00000000-0000-4000-8000-000000000011';

const program: Program = {
  id: '00000000-0000-4000-8000-000000000100',
  name: 'Menjahit dasar',
  providerName: 'BLK Semarang',
  providerKind: 'partner',
  skills: [
    {
      skillId: SEWING,
      code: 'garment.sewing',
      name: 'Menjahit',
      nameEn: 'Sewing',
      sector: 'garment',
      level: 'competent',
    },
  ],
  sessionsCount: 24,
  hoursTotal: 72.5,
  defaultCapacity: 20,
  certification: 'lsp_bnsp',
  active: true,
  openCohorts: 1,
  waitlist: 3,
  description: null,
  provider: { id: BLK, name: 'BLK Semarang', kind: 'partner' },
  instructors: [
    {
      id: '00000000-0000-4000-8000-000000000201',
      userId: '00000000-0000-4000-8000-000000000301',
      name: 'Ibu Rina',
    },
    { id: '00000000-0000-4000-8000-000000000202', userId: null, name: 'Pak Darto' },
  ],
  units: [
    {
      id: '00000000-0000-4000-8000-000000000402',
      code: 'U2',
      title: 'Menjahit',
      skillId: SEWING,
      position: 2,
    },
    { id: '00000000-0000-4000-8000-000000000401', code: null, title: 'Mengukur', skillId: null, position: 1 },
  ],
  eligibility: { minDaysLeftToServe: null, minBehaviourScore: 65 },
  certificationBody: 'LSP Garmen',
  canManage: true,
  version: 4,
  createdAt: '2026-11-01T02:00:00.000Z',
  updatedAt: '2026-11-02T02:00:00.000Z',
};

describe('programFormValues', () => {
  it('starts a new program with the prison as provider, one empty skill row and no eligibility limits', () => {
    const values = programFormValues(null);
    expect(values.providerKind).toBe('prison');
    expect(values.skills).toHaveLength(1);
    expect(values.skills[0]?.skillId).toBeNull();
    expect(values.eligibility).toEqual({ minDaysLeftToServe: '', minBehaviourScore: '' });
    expect(values.certification).toBe('none');
  });

  it('reads a saved program back, units in their order and an empty field where a limit is not set', () => {
    const values = programFormValues(program);
    expect(values.providerKind).toBe('partner');
    expect(values.partnerId).toBe(BLK);
    expect(values.units.map((unit) => unit.title)).toEqual(['Mengukur', 'Menjahit']);
    expect(values.instructors.map((row) => [row.userId, row.name])).toEqual([
      ['00000000-0000-4000-8000-000000000301', ''],
      [null, 'Pak Darto'],
    ]);
    expect(values.eligibility).toEqual({ minDaysLeftToServe: '', minBehaviourScore: 65 });
  });
});

describe('programRequest', () => {
  it('sends the prison itself as provider when the workshop gives the training', () => {
    const values = { ...programFormValues(null), providerKind: 'prison' as const, partnerId: BLK };
    expect(programRequest(values, PRISON).providerOrganizationId).toBe(PRISON);
  });

  it('round-trips a saved program, keeping unit ids, and empty limits as null', () => {
    const body = updateProgramRequest(programFormValues(program), PRISON, program.version);
    expect(body).toMatchObject({
      name: 'Menjahit dasar',
      providerOrganizationId: BLK,
      skills: [{ skillId: SEWING, level: 'competent' }],
      instructors: [
        { userId: '00000000-0000-4000-8000-000000000301', name: null },
        { userId: null, name: 'Pak Darto' },
      ],
      sessionsCount: 24,
      hoursTotal: 72.5,
      eligibility: { minDaysLeftToServe: null, minBehaviourScore: 65 },
      certification: 'lsp_bnsp',
      certificationBody: 'LSP Garmen',
      version: 4,
    });
    expect(body.units).toEqual([
      { id: '00000000-0000-4000-8000-000000000401', code: null, title: 'Mengukur', skillId: null },
      { id: '00000000-0000-4000-8000-000000000402', code: 'U2', title: 'Menjahit', skillId: SEWING },
    ]);
  });

  it('drops the certification body when there is no certification', () => {
    const values = { ...programFormValues(program), certification: 'none' as const };
    expect(programRequest(values, PRISON).certificationBody).toBeNull();
  });

  it('keeps every row in its place so that the server’s errors land on the right row', () => {
    const values = programFormValues(null);
    values.units = [
      { key: 'a', code: '', title: 'Satu', skillId: null },
      { key: 'b', code: '', title: '', skillId: null },
    ];
    expect(programRequest(values, PRISON).units).toHaveLength(2);
  });
});

describe('numberOrNull', () => {
  it('reads numbers typed with a decimal comma and treats empty input as no value', () => {
    expect(numberOrNull('7,5')).toBe(7.5);
    expect(numberOrNull(12)).toBe(12);
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull('  ')).toBeNull();
    expect(numberOrNull('abc')).toBeNull();
  });
});

describe('repeatedSkillRows', () => {
  it('marks the later rows that repeat a skill, not the first one', () => {
    const rows = [
      { key: '1', skillId: SEWING, level: 'basic' as const },
      { key: '2', skillId: FASHION, level: 'basic' as const },
      { key: '3', skillId: SEWING, level: 'competent' as const },
      { key: '4', skillId: null, level: 'basic' as const },
    ];
    expect(repeatedSkillRows(rows)).toEqual([2]);
  });
});

describe('programFieldRenames', () => {
  it('puts a provider error on the partner select, or on the choice when the prison is the provider', () => {
    expect(programFieldRenames({ providerKind: 'partner' })).toEqual({ providerOrganizationId: 'partnerId' });
    expect(programFieldRenames({ providerKind: 'prison' })).toEqual({
      providerOrganizationId: 'providerKind',
    });
  });
});
