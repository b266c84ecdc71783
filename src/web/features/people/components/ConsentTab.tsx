import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/consents.ts';
import type { Person } from '../../../../shared/people.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { accessFor } from '../../../lib/access.ts';
import { useSession } from '../../auth/api/session.ts';
import { useConsents } from '../api/records.ts';
import { ConsentCard } from './ConsentCard.tsx';
import { ConsentForm } from './ConsentForm.tsx';
import { ConsentWithdrawModal } from './ConsentWithdrawModal.tsx';

/**
 * Her consents to share parts of her record, in force and withdrawn. Corrections staff with manage:consent
 * record and withdraw them; a kelurahan or partner sees the ones that name her organization.
 */
export function ConsentTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = accessFor(me.permissions).canManageConsent && person.corrections;
  const consents = useConsents(person.id);
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);

  const items = consents.data?.items ?? [];
  const active = items.filter((consent) => consent.active);
  const withdrawn = items.filter((consent) => !consent.active);
  const list = (title: string, consentsOfList: Consent[]) =>
    consentsOfList.length > 0 && (
      <Stack gap="sm" component="section" aria-label={title}>
        <Title order={3} size="h4">
          {title}
        </Title>
        {consentsOfList.map((consent) => (
          <ConsentCard
            key={consent.id}
            personId={person.id}
            consent={consent}
            canWithdraw={canManage}
            onWithdraw={setWithdrawing}
          />
        ))}
      </Stack>
    );

  return (
    <Stack gap="md">
      <Text size="sm">{t('records.consents.intro')}</Text>
      {canManage &&
        !person.anonymized &&
        (adding ? (
          <ConsentForm personId={person.id} onDone={() => setAdding(false)} />
        ) : (
          <Group>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('records.consents.add')}
            </Button>
          </Group>
        ))}
      {consents.isPending ? (
        <PageLoader />
      ) : consents.isError ? (
        <QueryError error={consents.error} onRetry={() => void consents.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm">{t('records.consents.empty')}</Text>
      ) : (
        <>
          {list(t('records.consents.activeList'), active)}
          {list(t('records.consents.withdrawnList'), withdrawn)}
        </>
      )}
      <ConsentWithdrawModal personId={person.id} consent={withdrawing} onClose={() => setWithdrawing(null)} />
    </Stack>
  );
}
