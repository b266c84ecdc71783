import { Text, type TextProps, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount, formatPercent } from '../format.ts';

/**
 * A count as the insight pages show it: grouped in the UI language, a hidden one (null) as "< 5" with its
 * meaning spelled out for screen readers ("kurang dari 5 (disembunyikan)") and on hover.
 */
export function CountText({
  value,
  percent = false,
  ...props
}: { value: number | null | undefined; percent?: boolean } & Omit<TextProps, 'children'>) {
  const { t, i18n } = useTranslation();
  if (percent) {
    return (
      <Text span {...props}>
        {formatPercent(value, i18n.language)}
      </Text>
    );
  }
  if (value === null || value === undefined) {
    return (
      <Text span title={t('insight.common.hiddenLabel')} {...props}>
        <span aria-hidden>{formatCount(null, i18n.language)}</span>
        <VisuallyHidden>{t('insight.common.hiddenLabel')}</VisuallyHidden>
      </Text>
    );
  }
  return (
    <Text span {...props}>
      {formatCount(value, i18n.language)}
    </Text>
  );
}
