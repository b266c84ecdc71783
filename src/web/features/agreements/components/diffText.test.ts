import { describe, expect, it } from 'vitest';
import type { AgreementDiffSection } from '../../../../shared/agreements.ts';
import { countWords, defaultDiffPair, diffWordCounts, orderedPair, visibleSections } from './diffText.ts';

describe('defaultDiffPair', () => {
  it('compares the version before the current one with the current one', () => {
    expect(defaultDiffPair([1, 2, 3])).toEqual({ from: 2, to: 3 });
    expect(defaultDiffPair([3, 1, 2])).toEqual({ from: 2, to: 3 });
  });

  it('has nothing to compare with a single version', () => {
    expect(defaultDiffPair([1])).toBeNull();
    expect(defaultDiffPair([])).toBeNull();
  });
});

describe('orderedPair', () => {
  it('puts the older version first, whichever was picked first', () => {
    expect(orderedPair(4, 2)).toEqual({ from: 2, to: 4 });
    expect(orderedPair(1, 3)).toEqual({ from: 1, to: 3 });
  });

  it('refuses the same version twice or a missing pick', () => {
    expect(orderedPair(2, 2)).toBeNull();
    expect(orderedPair(null, 2)).toBeNull();
  });
});

describe('countWords', () => {
  it('counts words and numbers, not spaces or punctuation', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  ,  ')).toBe(0);
    expect(countWords('PIHAK KEDUA menyediakan 3 (tiga) tempat pelatihan.')).toBe(7);
    expect(countWords('dan/atau kerja-sama 1.500.000')).toBe(3);
  });
});

const section = (change: AgreementDiffSection['change'], parts: AgreementDiffSection['parts']) =>
  ({ kind: 'clause', position: 1, heading: 'Ruang Lingkup', change, parts }) satisfies AgreementDiffSection;

describe('diffWordCounts and visibleSections', () => {
  const sections = [
    section('unchanged', [{ value: 'Maksud kerja sama', added: false, removed: false }]),
    section('changed', [
      { value: 'PIHAK KEDUA ', added: false, removed: false },
      { value: 'menyediakan', added: false, removed: true },
      { value: 'menyiapkan tempat', added: true, removed: false },
    ]),
    section('removed', [{ value: 'Pasal lama dihapus', added: false, removed: true }]),
  ];

  it('counts the words added and removed over every section', () => {
    expect(diffWordCounts(sections)).toEqual({ added: 2, removed: 4 });
  });

  it('hides unchanged sections unless asked for the whole text', () => {
    expect(visibleSections(sections, false).map((item) => item.change)).toEqual(['changed', 'removed']);
    expect(visibleSections(sections, true)).toHaveLength(3);
  });
});
