/** A number in the UI language's notation: `72,5` in Indonesian, `72.5` in English. */
export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits }).format(
    value,
  );
}

/** An attendance rate (0–1) as a whole percentage, or null when nothing was recorded. */
export function formatRate(rate: number | null, language: string): string | null {
  if (rate === null || Number.isNaN(rate)) return null;
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(Math.min(1, Math.max(0, rate)));
}
