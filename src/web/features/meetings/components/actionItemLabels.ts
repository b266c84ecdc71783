import { useTranslation } from 'react-i18next';
import type { ActionItem } from '../../../../shared/meetings.ts';

/**
 * What an action item links to, in words: an agreement or activity the reader may not open is named by its
 * kind only (the server sends no title then).
 */
export function useActionItemLabels() {
  const { t } = useTranslation();
  return {
    agreement: (agreement: NonNullable<ActionItem['agreement']>) => {
      const kind = t(`meetings.actions.agreementKind.${agreement.kind}`);
      return agreement.title
        ? `${kind}: ${agreement.title}`
        : t('meetings.actions.agreementHidden', { kind });
    },
    activity: (activity: NonNullable<ActionItem['workPlanActivity']>) =>
      activity.title
        ? t('meetings.actions.activityOf', { activity: activity.title, plan: activity.workPlanTitle ?? '' })
        : t('meetings.actions.activityHidden'),
  };
}
