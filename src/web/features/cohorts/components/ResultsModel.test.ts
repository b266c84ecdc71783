import { describe, expect, it } from 'vitest';
import type { CohortResults } from '../../../../shared/results.ts';
import {
  buildResultRows,
  defaultLevel,
  itemErrorsToRows,
  rowProblems,
  rowsToItems,
  unitLabel,
} from './ResultsModel.ts';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const data: CohortResults = {
  units: [
    { id: ID(1), code: 'K.01', title: 'Menyiapkan alat', skillId: null },
    { id: ID(2), code: null, title: 'Membatik tulis', skillId: ID(50) },
  ],
  people: [
    {
      enrolmentId: ID(11),
      personId: ID(21),
      fullName: 'Ani',
      registrationNumber: 'A1',
      status: 'allocated',
      allCompetent: false,
    },
    {
      enrolmentId: ID(12),
      personId: ID(22),
      fullName: 'Budi',
      registrationNumber: 'A2',
      status: 'deallocated',
      allCompetent: false,
    },
    {
      enrolmentId: ID(13),
      personId: ID(23),
      fullName: 'Citra',
      registrationNumber: 'A3',
      status: 'completed',
      allCompetent: false,
    },
  ],
  results: [
    {
      enrolmentId: ID(11),
      unitId: ID(1),
      result: 'competent',
      score: 80,
      assessorName: 'Bu Sri',
      assessedOn: '2026-04-01',
    },
  ],
  certificates: [],
  programSkills: [
    { skillId: ID(50), name: 'Batik tulis', level: 'intermediate' },
    { skillId: ID(51), name: 'Pewarnaan', level: 'basic' },
  ],
  certification: 'lsp_bnsp',
  certificationBody: 'LSP Batik',
};

describe('buildResultRows', () => {
  it('for a unit: one row per person still on the cohort, prefilled with what is recorded', () => {
    const rows = buildResultRows(data, { kind: 'unit', unitId: ID(1) });
    expect(rows.map((row) => [row.label, row.result, row.score, row.recorded])).toEqual([
      ['Ani', 'competent', 80, true],
      ['Citra', '', '', false],
    ]);
  });

  it('for a person: one row per unit, labelled with code and title', () => {
    const rows = buildResultRows(data, { kind: 'person', enrolmentId: ID(13) });
    expect(rows.map((row) => row.label)).toEqual(['K.01 Menyiapkan alat', 'Membatik tulis']);
    expect(rows.every((row) => row.enrolmentId === ID(13))).toBe(true);
  });

  it('is empty for an unknown unit or person', () => {
    expect(buildResultRows(data, { kind: 'unit', unitId: ID(99) })).toEqual([]);
    expect(buildResultRows(data, { kind: 'person', enrolmentId: ID(99) })).toEqual([]);
  });
});

describe('rowsToItems', () => {
  it('sends only filled rows that changed, and maps item N back to its row', () => {
    const rows = buildResultRows(data, { kind: 'unit', unitId: ID(1) });
    // Ani unchanged, Citra filled in.
    const citra = {
      ...rows[1],
      result: 'not_yet_competent',
      assessorName: ' Pak Joko ',
      assessedOn: '2026-04-02',
    } as (typeof rows)[number];
    const { items, rowOf } = rowsToItems([rows[0] as (typeof rows)[number], citra], data.results);
    expect(items).toEqual([
      {
        enrolmentId: ID(13),
        unitId: ID(1),
        result: 'not_yet_competent',
        score: null,
        assessorName: 'Pak Joko',
        assessedOn: '2026-04-02',
      },
    ]);
    expect(rowOf).toEqual([1]);
  });

  it('sends a recorded row whose score changed', () => {
    const [ani] = buildResultRows(data, { kind: 'unit', unitId: ID(1) });
    const { items } = rowsToItems([{ ...(ani as NonNullable<typeof ani>), score: '85' }], data.results);
    expect(items).toHaveLength(1);
    expect(items[0]?.score).toBe(85);
  });
});

describe('itemErrorsToRows', () => {
  it('moves items.N.field onto the form row of item N', () => {
    expect(itemErrorsToRows({ 'items.0.assessedOn': 'Sebelum angkatan mulai', items: 'x' }, [4])).toEqual({
      'rows.4.assessedOn': 'Sebelum angkatan mulai',
      items: 'x',
    });
  });
});

describe('rowProblems', () => {
  const [row] = buildResultRows(data, { kind: 'unit', unitId: ID(2) });
  const base = row as NonNullable<typeof row>;
  it('needs an assessor and a date once a result is chosen, and a score within 0–100', () => {
    expect(rowProblems(base)).toEqual([]);
    expect(rowProblems({ ...base, result: 'competent' })).toEqual(['assessorName', 'assessedOn']);
    expect(
      rowProblems({
        ...base,
        result: 'competent',
        assessorName: 'Bu Sri',
        assessedOn: '2026-04-01',
        score: 120,
      }),
    ).toEqual(['score']);
  });
});

describe('labels and defaults', () => {
  it('labels units with their code when they have one', () => {
    expect(unitLabel({ code: 'K.01', title: 'Menyiapkan alat' })).toBe('K.01 Menyiapkan alat');
    expect(unitLabel({ code: null, title: 'Membatik' })).toBe('Membatik');
  });

  it('defaults a certificate to the level the program reaches for the skill', () => {
    expect(defaultLevel(data.programSkills, ID(51))).toBe('basic');
    expect(defaultLevel(data.programSkills, null)).toBeNull();
  });
});
