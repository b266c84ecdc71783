import type { CheckResult } from '../../../../shared/enrolments.ts';
import { formatDate } from '../../../lib/format.ts';

/** An i18n key under `cohorts.checks.<check>` and the values it needs, already formatted for display. */
export interface CheckMessage {
  key: string;
  values: Record<string, string | number>;
}

type Params = CheckResult['params'];

function text(params: Params, name: string): string | null {
  const value = params[name];
  return value === null || value === undefined || value === '' ? null : String(value);
}

function number(params: Params, name: string): number | null {
  const value = params[name];
  if (value === null || value === undefined || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/** '2026-10' or '2026-10-01' → '10/2026' (a monthly behaviour score); anything else as it came. */
function formatMonth(value: string | null): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})/.exec(value);
  return match ? `${match[2]}/${match[1]}` : value;
}

/**
 * What a suitability check found, as a message key and its values: dates dd/mm/yyyy, the weekday by name
 * (`weekdayName` maps ISO 1..7 to the UI language), the enrolment status by name (`statusName`).
 * E.g. release_before_end warning → "Perkiraan bebas 12/01/2027, sebelum angkatan selesai 20/02/2027".
 */
export function checkMessage(
  result: CheckResult,
  names: { weekdayName: (weekday: number) => string; statusName: (status: string) => string },
): CheckMessage {
  const { check, status, params } = result;
  const base = `cohorts.checks.${check}`;
  const failed = status !== 'ok';
  switch (check) {
    case 'release_before_end': {
      const releaseDate = text(params, 'releaseDate');
      const values = { releaseDate: formatDate(releaseDate), endDate: formatDate(text(params, 'endDate')) };
      if (failed) return { key: `${base}.warning`, values };
      return { key: releaseDate ? `${base}.ok` : `${base}.okUnknown`, values };
    }
    case 'transfer_before_end': {
      const transferDate = text(params, 'transferDate');
      const endDate = text(params, 'endDate');
      const destination = text(params, 'destination');
      const values = {
        transferDate: formatDate(transferDate),
        endDate: formatDate(endDate),
        destination: destination ?? '',
      };
      if (failed) return { key: destination ? `${base}.warning` : `${base}.warningNoDestination`, values };
      if (!transferDate) return { key: `${base}.okNone`, values };
      // Not a warning although on or before the end: the planned date has passed and she is still here.
      if (endDate && transferDate <= endDate) return { key: `${base}.okPast`, values };
      return { key: `${base}.ok`, values };
    }
    case 'time_left': {
      const daysLeft = number(params, 'daysLeft');
      const values = {
        daysLeft: daysLeft ?? '',
        minDays: number(params, 'minDays') ?? '',
        releaseDate: formatDate(text(params, 'releaseDate')),
      };
      // Counted from the cohort's start: below zero she is out before it begins.
      if (failed && daysLeft !== null && daysLeft < 0) return { key: `${base}.warningBeforeStart`, values };
      if (failed) return { key: `${base}.warning`, values };
      return { key: daysLeft === null ? `${base}.okUnknown` : `${base}.ok`, values };
    }
    case 'behaviour': {
      const score = number(params, 'score');
      const minScore = number(params, 'minScore');
      const values = {
        score: score ?? '',
        minScore: minScore ?? '',
        month: formatMonth(text(params, 'month')),
      };
      if (failed) return { key: score === null ? `${base}.warningUnknown` : `${base}.warning`, values };
      if (minScore === null) return { key: `${base}.okNoMinimum`, values };
      return { key: score === null ? `${base}.okUnknown` : `${base}.ok`, values };
    }
    case 'schedule_clash': {
      const weekday = number(params, 'weekday');
      const values = {
        cohortName: text(params, 'cohortName') ?? '',
        weekday: weekday === null ? '' : names.weekdayName(weekday),
        start: text(params, 'start') ?? '',
        end: text(params, 'end') ?? '',
      };
      return { key: failed ? `${base}.warning` : `${base}.ok`, values };
    }
    case 'capacity': {
      // `position` counts within this placement (1-based): her place is after those already allocated.
      const allocated = number(params, 'allocated') ?? 0;
      const values = {
        capacity: number(params, 'capacity') ?? '',
        allocated,
        seat: allocated + (number(params, 'position') ?? 1),
      };
      return { key: failed ? `${base}.blocked` : `${base}.ok`, values };
    }
    case 'not_approved': {
      const current = text(params, 'status');
      const values = { status: current ? names.statusName(current) : '' };
      if (!failed) return { key: `${base}.ok`, values };
      const cause = text(params, 'cause');
      if (cause === 'program') return { key: `${base}.blockedProgram`, values };
      if (cause === 'person') return { key: `${base}.blockedPerson`, values };
      return { key: `${base}.blocked`, values };
    }
  }
}
