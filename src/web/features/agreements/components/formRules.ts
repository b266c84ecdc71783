import type { TFunction } from 'i18next';
import {
  duplicatePartyIndexes,
  type PartiesFormValues,
  type TextFormValues,
  untilBeforeFrom,
} from './agreementForm.ts';

// The checks the officer can fix before sending (the server checks again), as Mantine form rules.

export function textRules(t: TFunction) {
  const required = (value: string | null) => (value?.trim() ? null : t('common.required'));
  return {
    title: required,
    clauses: { heading: required, body: required },
    obligations: { organizationId: required, description: required },
  } satisfies Partial<Record<keyof TextFormValues, unknown>>;
}

export function partiesRules(t: TFunction) {
  return {
    parties: {
      organizationId: (value: string | null, values: PartiesFormValues, path: string) => {
        if (!value) return t('common.required');
        const index = Number(path.split('.')[1]);
        return duplicatePartyIndexes(values.parties).includes(index)
          ? t('agreements.parties.duplicate')
          : null;
      },
    },
    validUntil: (value: string | null, values: PartiesFormValues) =>
      untilBeforeFrom(values.validFrom, value) ? t('agreements.validity.untilBeforeFrom') : null,
  };
}
