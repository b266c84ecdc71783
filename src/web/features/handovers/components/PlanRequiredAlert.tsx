import { Alert, Anchor, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Sending without a plan is refused: say so, with the way to her plan tab. */
export function PlanRequiredAlert({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" icon={<IconAlertCircle aria-hidden />} data-plan-required>
      <Text size="sm">{t('handovers.send.planRequired')}</Text>
      <Anchor component={Link} to="?tab=rencana" size="sm" fw={600} c="blue.9" onClick={onNavigate}>
        {t('handovers.send.toPlan')}
      </Anchor>
    </Alert>
  );
}
