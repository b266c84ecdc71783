import type {
  Opportunity,
  OpportunityStatus,
  OpportunityStatusAction,
} from '../../../../shared/opportunities.ts';

/**
 * The opportunity vocabularies as data: a colour per status (labels in i18n, opportunities.status.*).
 * Filled shade-8/9 badges keep white text above 4.5:1 contrast.
 */
export const OPPORTUNITY_STATUS_COLORS: Record<OpportunityStatus, string> = {
  draft: 'gray.8',
  open: 'teal.9',
  filled: 'grape.9',
  closed: 'red.9',
};

/** Select options from a code list and its label function. */
export function optionsOf<T extends string>(codes: readonly T[], label: (code: T) => string) {
  return codes.map((code) => ({ value: code, label: label(code) }));
}

/** The code when it is one of the list, else undefined. */
export function oneOf<T extends string>(
  codes: readonly T[],
  value: string | null | undefined,
): T | undefined {
  return codes.find((code) => code === value);
}

/** The actions the server allows the caller now (its `permissions`), in the order they happen. */
export function allowedStatusActions(permissions: Opportunity['permissions']): OpportunityStatusAction[] {
  const actions: OpportunityStatusAction[] = [];
  if (permissions.canOpen) actions.push('open');
  if (permissions.canReopen) actions.push('reopen');
  if (permissions.canClose) actions.push('close');
  return actions;
}
