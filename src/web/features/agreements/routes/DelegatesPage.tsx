import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDelegate } from '../../../../shared/agreements.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useAgreementDelegates, useNameDelegate, useRevokeDelegate } from '../api/agreements.ts';

/**
 * /tata-kelola/wakil: a head names the staff of her organization who may agree and sign agreements for it
 * (her delegates), and revokes them. The governance layout renders the h1 and refuses the tab to others.
 */
export function DelegatesPage() {
  const { t } = useTranslation();
  const delegates = useAgreementDelegates();
  return (
    <Stack gap="md">
      <div>
        <Title order={2} fz="h3">
          {t('agreements.delegates.title')}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('agreements.delegates.hint')}
        </Text>
      </div>
      {delegates.isPending ? (
        <PageLoader />
      ) : delegates.isError ? (
        <QueryError error={delegates.error} onRetry={() => void delegates.refetch()} />
      ) : (
        <>
          {delegates.data.canManage && <NameDelegateForm candidates={delegates.data.candidates} />}
          <DelegateList
            title={t('agreements.delegates.live')}
            id="delegates-live"
            items={delegates.data.items.filter((item) => item.revokedAt === null)}
            empty={t('agreements.delegates.noneLive')}
            canRevoke={delegates.data.canManage}
          />
          {delegates.data.items.some((item) => item.revokedAt !== null) && (
            <DelegateList
              title={t('agreements.delegates.revoked')}
              id="delegates-revoked"
              items={delegates.data.items.filter((item) => item.revokedAt !== null)}
              empty=""
              canRevoke={false}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function NameDelegateForm({
  candidates,
}: {
  candidates: { id: string; name: string; position: string | null }[];
}) {
  const { t } = useTranslation();
  const name = useNameDelegate();
  const form = useForm<{ userId: string | null; note: string }>({
    initialValues: { userId: null, note: '' },
    validate: { userId: (value) => (value ? null : t('common.required')) },
  });
  const submit = form.onSubmit((values) => {
    if (!values.userId) return;
    name.mutate(
      { userId: values.userId, note: values.note.trim() || null },
      {
        onSuccess: (delegate) => {
          notifySuccess(t('agreements.delegates.named', { name: delegate.user.name }));
          form.reset();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  }, focusFirstError);
  return (
    <SectionCard title={t('agreements.delegates.nameTitle')} id="delegates-name">
      {candidates.length === 0 ? (
        <Text size="sm">{t('agreements.delegates.noCandidates')}</Text>
      ) : (
        <form onSubmit={submit} noValidate data-delegate-form>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('agreements.delegates.user')}
                placeholder={t('agreements.choose')}
                data={candidates.map((user) => ({
                  value: user.id,
                  label: user.position ? `${user.name} — ${user.position}` : user.name,
                }))}
                searchable
                withAsterisk
                {...form.getInputProps('userId')}
              />
              <TextInput
                label={t('agreements.delegates.note')}
                placeholder={t('agreements.delegates.notePlaceholder')}
                maxLength={500}
                {...form.getInputProps('note')}
              />
            </SimpleGrid>
            <Group>
              <Button
                type="submit"
                loading={name.isPending}
                leftSection={<IconUserPlus size={16} aria-hidden />}
              >
                {t('agreements.delegates.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SectionCard>
  );
}

function DelegateList({
  title,
  id,
  items,
  empty,
  canRevoke,
}: {
  title: string;
  id: string;
  items: AgreementDelegate[];
  empty: string;
  canRevoke: boolean;
}) {
  const { t } = useTranslation();
  const revoke = useRevokeDelegate();
  const [revoking, setRevoking] = useState<AgreementDelegate | null>(null);
  return (
    <SectionCard title={title} id={id}>
      {items.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((delegate) => (
            <Card key={delegate.id} component="li" withBorder padding="sm" data-delegate-id={delegate.id}>
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={2}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {delegate.user.name}
                  </Text>
                  {delegate.user.position && <Text size="sm">{delegate.user.position}</Text>}
                  <Text size="xs" c="dimmed">
                    {t('agreements.delegates.namedBy', {
                      who: delegate.namedByName,
                      when: formatDateTime(delegate.createdAt),
                    })}
                  </Text>
                  {delegate.revokedAt && (
                    <Text size="xs" c="dimmed">
                      {t('agreements.delegates.revokedBy', {
                        who: delegate.revokedByName ?? '',
                        when: formatDateTime(delegate.revokedAt),
                      })}
                    </Text>
                  )}
                  {delegate.note && (
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {delegate.note}
                    </Text>
                  )}
                </Stack>
                {canRevoke && (
                  <Button
                    size="xs"
                    variant="default"
                    color="red.9"
                    leftSection={<IconUserMinus size={14} aria-hidden />}
                    onClick={() => setRevoking(delegate)}
                    aria-label={t('agreements.delegates.revokeLabel', { name: delegate.user.name })}
                  >
                    {t('agreements.delegates.revoke')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={t('agreements.delegates.revokeTitle')}
        confirmLabel={t('agreements.delegates.revoke')}
        confirmColor="red.9"
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifySuccess(t('agreements.delegates.revokedDone', { name: revoking.user.name }));
              setRevoking(null);
            },
            onError: (error) => {
              notifyError(error);
              if (isApiError(error) && error.status !== 0) setRevoking(null);
            },
          });
        }}
      >
        {t('agreements.delegates.revokeBody', { name: revoking?.user.name ?? '' })}
      </ConfirmModal>
    </SectionCard>
  );
}
