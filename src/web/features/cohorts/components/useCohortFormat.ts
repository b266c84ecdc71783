import { useTranslation } from 'react-i18next';
import type { NextSession, ScheduleSlot } from '../../../../shared/cohorts.ts';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { isoWeekday } from './schedule.ts';

/** Weekdays, session dates and weekly slots in the UI language ("Senin, 12/01/2026", "Senin 08:00–11:00"). */
export function useCohortFormat() {
  const { t } = useTranslation();
  const weekdayName = (weekday: number) =>
    weekday >= 1 && weekday <= 7 ? t(`cohorts.weekdays.${weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`) : EMPTY;
  const sessionDate = (date: string) => `${weekdayName(isoWeekday(date))}, ${formatDate(date)}`;
  const timeRange = (start: string, end: string) => t('cohorts.timeRange', { start, end });
  const slot = (value: ScheduleSlot) =>
    t('cohorts.slot', { weekday: weekdayName(value.weekday), start: value.start, end: value.end });
  const schedule = (slots: readonly ScheduleSlot[]) =>
    slots.length === 0
      ? EMPTY
      : [...slots]
          .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
          .map(slot)
          .join('; ');
  const dateRange = (start: string, end: string) =>
    t('cohorts.dateRange', { start: formatDate(start), end: formatDate(end) });
  const nextSession = (next: NextSession | null) =>
    next ? `${sessionDate(next.date)} ${timeRange(next.start, next.end)}` : null;
  return { weekdayName, sessionDate, timeRange, slot, schedule, dateRange, nextSession };
}
