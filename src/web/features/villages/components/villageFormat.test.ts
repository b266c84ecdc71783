import { describe, expect, it } from 'vitest';
import {
  clampStrength,
  formatCoordinates,
  formatNumber,
  monthName,
  monthOptions,
  populationDensity,
  revisionTime,
  seasonText,
} from './villageFormat.ts';

const HEMISPHERES_ID = { north: 'LU', south: 'LS', east: 'BT', west: 'BB' };

describe('populationDensity', () => {
  it('divides the population by the area', () => {
    expect(populationDensity(15_400, 1.4)).toBeCloseTo(11_000);
  });

  it('is unknown without a population, without an area or with an area that is not positive', () => {
    expect(populationDensity(null, 2)).toBeNull();
    expect(populationDensity(1000, null)).toBeNull();
    expect(populationDensity(1000, 0)).toBeNull();
    expect(populationDensity(1000, -3)).toBeNull();
  });

  it('is zero for an empty kelurahan', () => {
    expect(populationDensity(0, 2.5)).toBe(0);
  });
});

describe('formatNumber', () => {
  it('writes thousands with a dot and decimals with a comma in Indonesian', () => {
    expect(formatNumber(12_345.678, 'id', 2)).toBe('12.345,68');
    expect(formatNumber(11_000.4, 'id')).toBe('11.000');
  });

  it('writes them the English way in English', () => {
    expect(formatNumber(12_345.678, 'en', 2)).toBe('12,345.68');
  });
});

describe('months and seasons', () => {
  it('names the months in Indonesian and English', () => {
    expect(monthName(1, 'id')).toBe('Januari');
    expect(monthName(8, 'id')).toBe('Agustus');
    expect(monthName(12, 'en')).toBe('December');
    expect(monthOptions('id')).toHaveLength(12);
    expect(monthOptions('id')[2]).toEqual({ value: '3', label: 'Maret' });
  });

  it('says nothing for no months or all twelve (the caller writes "sepanjang tahun")', () => {
    expect(seasonText([], 'id')).toBeNull();
    expect(seasonText([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'id')).toBeNull();
  });

  it('lists single months and pairs, in calendar order', () => {
    expect(seasonText([12, 3, 4], 'id')).toBe('Maret, April, Desember');
  });

  it('makes three or more months in a row a range', () => {
    expect(seasonText([6, 7, 8, 12], 'id')).toBe('Juni–Agustus, Desember');
    expect(seasonText([9, 10, 11], 'en')).toBe('September–November');
  });

  it('ignores repeated and impossible months', () => {
    expect(seasonText([5, 5, 13, 0], 'id')).toBe('Mei');
  });
});

describe('formatCoordinates', () => {
  it('writes south and east with the Indonesian letters and decimal commas', () => {
    expect(formatCoordinates(-6.98712, 110.39251, 'id', HEMISPHERES_ID)).toBe('6,98712° LS, 110,39251° BT');
  });

  it('keeps at least four decimals', () => {
    expect(formatCoordinates(-7, 110.4, 'en', { north: 'N', south: 'S', east: 'E', west: 'W' })).toBe(
      '7.0000° S, 110.4000° E',
    );
  });

  it('is unknown when either part is missing', () => {
    expect(formatCoordinates(null, 110.4, 'id', HEMISPHERES_ID)).toBeNull();
    expect(formatCoordinates(-6.9, null, 'id', HEMISPHERES_ID)).toBeNull();
  });
});

describe('revisionTime', () => {
  it('writes the time with a dot in Indonesian and a colon in English, in Jakarta time', () => {
    expect(revisionTime('2026-03-05T07:30:00Z', 'id')).toBe('05/03/2026 14.30');
    expect(revisionTime('2026-03-05T07:30:00Z', 'en')).toBe('05/03/2026 14:30');
  });
});

describe('clampStrength', () => {
  it('keeps the strength a whole number from 1 to 5', () => {
    expect(clampStrength(4)).toBe(4);
    expect(clampStrength(0)).toBe(1);
    expect(clampStrength(9)).toBe(5);
    expect(clampStrength(3.6)).toBe(4);
    expect(clampStrength(Number.NaN)).toBe(1);
  });
});
