import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/notify.ts';
import { useReloadPlan } from '../api/reintegration.ts';

/**
 * Someone else changed the plan first (409): says so and reloads it on request. The form stays as typed
 * until then; `onReloaded` closes a dialog whose values are now out of date.
 */
export function StaleAlert({ personId, onReloaded }: { personId: string; onReloaded?: () => void }) {
  const { t } = useTranslation();
  const reload = useReloadPlan(personId);
  const [reloading, setReloading] = useState(false);
  return (
    <Alert
      color="red"
      variant="filled"
      title={t('reintegration.tab.staleTitle')}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      data-testid="stale-alert"
    >
      <Text size="sm">{t('reintegration.tab.stale')}</Text>
      <Button
        mt="xs"
        size="xs"
        variant="white"
        color="dark"
        leftSection={<IconRefresh size={14} aria-hidden />}
        loading={reloading}
        onClick={async () => {
          setReloading(true);
          try {
            await reload();
            notifySuccess(t('reintegration.tab.reloaded'));
            onReloaded?.();
          } finally {
            setReloading(false);
          }
        }}
      >
        {t('reintegration.tab.reload')}
      </Button>
    </Alert>
  );
}
