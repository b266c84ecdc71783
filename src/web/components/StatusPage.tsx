import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader.tsx';

interface StatusPageProps {
  kind: 'forbidden' | 'notFound';
}

/** Access denied / page not found, inside the shell. */
export function StatusPage({ kind }: StatusPageProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" align="flex-start">
      <PageHeader title={t(kind === 'forbidden' ? 'errors.forbiddenTitle' : 'errors.notFoundTitle')} />
      <Text>{t(kind === 'forbidden' ? 'errors.forbidden' : 'errors.notFound')}</Text>
      <Button component={Link} to="/" variant="default">
        {t('common.toHome')}
      </Button>
    </Stack>
  );
}
