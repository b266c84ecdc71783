import type { TFunction } from 'i18next';
import type { PayPeriod } from '../../../../shared/opportunities.ts';
import { formatRupiah } from '../../../lib/format.ts';

export interface PayRange {
  payMin: number | null;
  payMax: number | null;
  payPeriod: PayPeriod | null;
}

/** The pieces of a pay text; the caller's i18n puts them into words (`payRange`, `payFrom`, `payUpTo`). */
export type PayText =
  | { kind: 'none' }
  | { kind: 'exact'; amount: string }
  | { kind: 'range'; min: string; max: string }
  | { kind: 'from'; min: string }
  | { kind: 'upTo'; max: string };

/** How a pay range reads: one amount when both ends agree, a range, or one open end; Rupiah as `Rp 3.450.000`. */
export function payText({ payMin, payMax }: Pick<PayRange, 'payMin' | 'payMax'>): PayText {
  if (payMin === null && payMax === null) return { kind: 'none' };
  if (payMin !== null && payMax !== null) {
    return payMin === payMax
      ? { kind: 'exact', amount: formatRupiah(payMin) }
      : { kind: 'range', min: formatRupiah(payMin), max: formatRupiah(payMax) };
  }
  if (payMin !== null) return { kind: 'from', min: formatRupiah(payMin) };
  return { kind: 'upTo', max: formatRupiah(payMax) };
}

/** "Rp 2.500.000 – Rp 3.450.000 per bulan", "mulai Rp 50.000 per hari" or "Tidak disebutkan". */
export function formatPay(pay: PayRange, t: TFunction): string {
  const text = payText(pay);
  let amount: string;
  switch (text.kind) {
    case 'none':
      return t('opportunities.payUnknown');
    case 'exact':
      amount = text.amount;
      break;
    case 'range':
      amount = t('opportunities.payRange', { min: text.min, max: text.max });
      break;
    case 'from':
      amount = t('opportunities.payFrom', { min: text.min });
      break;
    case 'upTo':
      amount = t('opportunities.payUpTo', { max: text.max });
      break;
  }
  if (!pay.payPeriod) return amount;
  return t('opportunities.payWithPeriod', {
    pay: amount,
    period: t(`opportunities.payPeriod.${pay.payPeriod}`),
  });
}
