import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Someone else changed the agreement since this form was loaded (a save answered 409, or a newer version
 * arrived while she was typing): reload, losing what she typed here. The button takes the focus.
 */
export function StaleAlert({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  return (
    <Alert
      color="red"
      variant="filled"
      title={t('agreements.staleTitle')}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      data-testid="stale-alert"
    >
      <Text size="sm">{t('agreements.staleBody')}</Text>
      <Button
        mt="xs"
        size="xs"
        variant="white"
        color="dark"
        leftSection={<IconRefresh size={14} aria-hidden />}
        ref={button}
        loading={reloading}
        onClick={onReload}
      >
        {t('agreements.reload')}
      </Button>
    </Alert>
  );
}
