import { Alert, Button, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api.ts';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: the server's message, its reference code and a retry button. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  const message = isApiError(error) ? error.message : t('errors.unexpected');
  const reference = isApiError(error) ? error.correlationId : undefined;
  return (
    <Alert color="red" title={t('errors.loadFailed')} icon={<IconAlertCircle aria-hidden />} role="alert">
      <Text size="sm">{message}</Text>
      {reference && <Text size="sm">{t('errors.reference', { id: reference })}</Text>}
      {onRetry && (
        <Button mt="sm" size="xs" variant="default" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
