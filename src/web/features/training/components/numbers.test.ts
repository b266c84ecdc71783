import { describe, expect, it } from 'vitest';
import { formatNumber, formatRate } from './numbers.ts';
import { EVIDENCE_LADDER, evidenceRank } from './vocabulary.ts';

describe('formatNumber and formatRate', () => {
  it('writes decimals the Indonesian way in Indonesian and the English way in English', () => {
    expect(formatNumber(72.5, 'id')).toBe('72,5');
    expect(formatNumber(72.5, 'en')).toBe('72.5');
    expect(formatNumber(1200, 'id')).toBe('1.200');
  });

  it('shows an attendance rate as a whole percentage, or nothing when none was recorded', () => {
    expect(formatRate(0.875, 'id')).toBe('88%');
    expect(formatRate(1, 'en')).toBe('100%');
    expect(formatRate(null, 'id')).toBeNull();
  });
});

describe('evidence ladder', () => {
  it('ranks the evidence from self-reported up to certified', () => {
    expect(EVIDENCE_LADDER.map(evidenceRank)).toEqual([1, 2, 3, 4]);
    expect(evidenceRank('certified')).toBeGreaterThan(evidenceRank('assessed'));
  });
});
