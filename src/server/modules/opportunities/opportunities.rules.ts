import {
  OPPORTUNITY_KINDS_NEEDING_SKILLS,
  type OpportunityKind,
  type OpportunityStatus,
  type OpportunityStatusAction,
} from '../../../shared/opportunities.ts';
import type { FieldError } from '../../platform/errors.ts';

// The rules of an opportunity that need no database: consistent values, what "complete" means before it
// opens, which status an action leads to, and when it is full.

export type Fields = Record<string, FieldError>;

/** 'yyyy-mm-dd' → 'dd/mm/yyyy': a date in a message, as the users read dates. */
export function asShownDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

export interface ValueCheck {
  startOn: string;
  closesOn: string | null;
  payMin: number | null;
  payMax: number | null;
  payPeriod: string | null;
}

/** The closing date is not before the start, the pay range is not upside down and an amount has a period. */
export function checkValues(values: ValueCheck, fields: Fields) {
  if (values.closesOn !== null && values.closesOn < values.startOn)
    fields.closesOn = {
      key: 'opportunity_closes_before_start',
      params: { startOn: asShownDate(values.startOn) },
    };
  if (values.payMin !== null && values.payMax !== null && values.payMax < values.payMin)
    fields.payMax = { key: 'opportunity_pay_max_below_min' };
  if ((values.payMin !== null || values.payMax !== null) && values.payPeriod === null)
    fields.payPeriod = { key: 'opportunity_pay_period_required' };
}

export interface CompletenessCheck {
  kind: OpportunityKind;
  skills: number;
  closesOn: string | null;
}

/**
 * What an opportunity needs before people can be proposed for it (opening, reopening, creating it open, or
 * editing one that is open): a job vacancy or an apprenticeship names at least one skill, and its closing
 * date has not passed. Title, places and start date are always required.
 */
export function checkComplete(values: CompletenessCheck, today: string, fields: Fields) {
  if (OPPORTUNITY_KINDS_NEEDING_SKILLS.includes(values.kind) && values.skills === 0)
    fields.skills = { key: 'opportunity_skills_required' };
  if (values.closesOn !== null && values.closesOn < today)
    fields.closesOn = { key: 'opportunity_closing_date_passed' };
}

/**
 * The status an action leads to, or null when it is not allowed from the current one.
 * open: draft → open. close: draft, open, filled → closed. reopen: closed → open (draft when it was never
 * opened); whether a reopened one is in fact full is then decided by `fillStatus`.
 */
export function statusAfter(
  action: OpportunityStatusAction,
  current: { status: OpportunityStatus; everOpened: boolean },
): OpportunityStatus | null {
  switch (action) {
    case 'open':
      return current.status === 'draft' ? 'open' : null;
    case 'close':
      return current.status === 'closed' ? null : 'closed';
    case 'reopen':
      if (current.status !== 'closed') return null;
      return current.everOpened ? 'open' : 'draft';
  }
}

/** open ↔ filled by the people placed against the places; draft and closed stay as they are. */
export function fillStatus(status: OpportunityStatus, places: number, placed: number): OpportunityStatus {
  if (status === 'open' && placed >= places) return 'filled';
  if (status === 'filled' && placed < places) return 'open';
  return status;
}
