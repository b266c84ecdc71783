import { Alert } from '@mantine/core';
import { IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Says why some figures read "< 5" (shown when the answer hides small counts). */
export function SmallCountsNote() {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      color="gray"
      title={t('insight.common.smallCounts.title')}
      icon={<IconEyeOff aria-hidden />}
      data-testid="small-counts-note"
    >
      {t('insight.common.smallCounts.text')}
    </Alert>
  );
}
