import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../../lib/i18n/en.ts';
import { id } from '../../../lib/i18n/id.ts';
import { formatPay, payText } from './pay.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: 'id',
  interpolation: { escapeValue: false },
});
const idT = i18n.getFixedT('id');
const enT = i18n.getFixedT('en');

describe('payText', () => {
  it('formats Rupiah with dots between thousands', () => {
    expect(payText({ payMin: 3_450_000, payMax: 4_000_000 })).toEqual({
      kind: 'range',
      min: 'Rp 3.450.000',
      max: 'Rp 4.000.000',
    });
  });

  it('says one amount when both ends agree, and an open end when one is missing', () => {
    expect(payText({ payMin: 50_000, payMax: 50_000 })).toEqual({ kind: 'exact', amount: 'Rp 50.000' });
    expect(payText({ payMin: 2_000_000, payMax: null })).toEqual({ kind: 'from', min: 'Rp 2.000.000' });
    expect(payText({ payMin: null, payMax: 750_000 })).toEqual({ kind: 'upTo', max: 'Rp 750.000' });
    expect(payText({ payMin: null, payMax: null })).toEqual({ kind: 'none' });
  });
});

describe('formatPay', () => {
  it('reads as a sentence in Indonesian and in English', () => {
    const pay = { payMin: 2_500_000, payMax: 3_450_000, payPeriod: 'month' as const };
    expect(formatPay(pay, idT)).toBe('Rp 2.500.000 – Rp 3.450.000 per bulan');
    expect(formatPay(pay, enT)).toBe('Rp 2.500.000 – Rp 3.450.000 a month');
  });

  it('names an open end and a missing amount', () => {
    expect(formatPay({ payMin: 75_000, payMax: null, payPeriod: 'day' }, idT)).toBe(
      'mulai Rp 75.000 per hari',
    );
    expect(formatPay({ payMin: null, payMax: 5_000_000, payPeriod: 'one_off' }, idT)).toBe(
      'hingga Rp 5.000.000 sekali bayar',
    );
    expect(formatPay({ payMin: null, payMax: null, payPeriod: null }, idT)).toBe('Tidak disebutkan');
  });

  it('leaves the period out when none was given', () => {
    expect(formatPay({ payMin: 1_000_000, payMax: 1_000_000, payPeriod: null }, idT)).toBe('Rp 1.000.000');
  });
});
