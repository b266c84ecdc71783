import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RelativeDaysProps extends TextProps {
  days: number | null;
  /** 'in' reads "dalam 12 hari" (a release date), 'left' reads "12 hari lagi" (a milestone). */
  mode?: 'in' | 'left';
}

/** "dalam N hari" / "N hari lagi" / "N hari lalu" / "hari ini". */
export function RelativeDays({ days, mode = 'in', ...props }: RelativeDaysProps) {
  const text = useRelativeDays()(days, mode);
  if (!text) return null;
  return (
    <Text component="span" size="sm" c="dimmed" {...props}>
      {text}
    </Text>
  );
}

export function useRelativeDays() {
  const { t } = useTranslation();
  return (days: number | null, mode: 'in' | 'left' = 'in'): string | null => {
    if (days === null) return null;
    if (days === 0) return t('people.when.today');
    if (days < 0) return t('people.when.daysAgo', { count: -days });
    return mode === 'in'
      ? t('people.when.inDays', { count: days })
      : t('people.when.daysLeft', { count: days });
  };
}
