import { Button, Card, Group, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AgreementDetail,
  type AgreementObligationView,
  OBLIGATION_STATUSES,
  type ObligationStatus,
} from '../../../../shared/agreements.ts';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { todayIso } from '../../training/components/today.ts';
import { useReloadAgreement, useUpdateObligation } from '../api/agreements.ts';
import { ObligationStatusBadge } from './AgreementBadges.tsx';
import { isOverdue } from './vocabulary.ts';

/** Kewajiban: each party's obligations with their tracking status; the obligated organization updates its own. */
export function ObligationsTab({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<AgreementObligationView | null>(null);
  const today = todayIso();
  const groups = agreement.parties
    .map((party) => ({
      party,
      items: agreement.obligations.filter((item) => item.organization.id === party.organization.id),
    }))
    .filter((group) => group.items.length > 0);

  return (
    <SectionCard
      title={t('agreements.obligations.title')}
      id="agreement-obligations"
      hint={t('agreements.obligations.hint')}
    >
      {groups.length === 0 && <Text size="sm">{t('agreements.obligations.empty')}</Text>}
      {groups.map(({ party, items }) => (
        <Stack key={party.id} gap="xs" component="section" aria-labelledby={`obligations-${party.id}`}>
          <Title order={3} fz="sm" id={`obligations-${party.id}`}>
            {party.organization.name}
          </Title>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((obligation) => (
              <Card
                key={obligation.id}
                component="li"
                withBorder
                padding="sm"
                data-obligation-id={obligation.id}
              >
                <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {obligation.description}
                  </Text>
                  <ObligationStatusBadge status={obligation.status} />
                </Group>
                <Group gap="md" mt={4} wrap="wrap">
                  {obligation.dueOn && (
                    <Text
                      size="xs"
                      c={isOverdue(obligation, today) ? 'red.9' : undefined}
                      fw={isOverdue(obligation, today) ? 700 : undefined}
                    >
                      {t('agreements.obligations.dueOn', { date: formatDate(obligation.dueOn) })}
                      {isOverdue(obligation, today) && ` · ${t('agreements.obligations.overdue')}`}
                    </Text>
                  )}
                  {obligation.updatedByName && (
                    <Text size="xs" c="dimmed">
                      {t('agreements.obligations.updated', {
                        when: formatDateTime(obligation.updatedAt),
                        who: obligation.updatedByName,
                      })}
                    </Text>
                  )}
                </Group>
                {obligation.statusNote && (
                  <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
                    {t('agreements.obligations.noteValue', { note: obligation.statusNote })}
                  </Text>
                )}
                {obligation.canUpdate && (
                  <Group mt="xs">
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      onClick={() => setEditing(obligation)}
                      aria-label={t('agreements.obligations.updateLabel', {
                        description: obligation.description.slice(0, 80),
                      })}
                    >
                      {t('agreements.obligations.update')}
                    </Button>
                  </Group>
                )}
              </Card>
            ))}
          </Stack>
        </Stack>
      ))}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t('agreements.obligations.updateTitle')}
        centered
      >
        {editing && (
          <ObligationForm agreementId={agreement.id} obligation={editing} onClose={() => setEditing(null)} />
        )}
      </Modal>
    </SectionCard>
  );
}

function ObligationForm({
  agreementId,
  obligation,
  onClose,
}: {
  agreementId: string;
  obligation: AgreementObligationView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateObligation(agreementId);
  const reload = useReloadAgreement(agreementId);
  const form = useForm<{ status: ObligationStatus; note: string }>({
    initialValues: { status: obligation.status, note: obligation.statusNote ?? '' },
  });
  const submit = form.onSubmit((values) => {
    update.mutate(
      {
        obligationId: obligation.id,
        status: values.status,
        note: values.note.trim() || null,
        version: obligation.version,
      },
      {
        onSuccess: () => {
          notifySuccess(t('agreements.obligations.saved'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && (isStaleVersion(error) || error.code === 'AGREEMENT_LOCKED')) {
            notifyError(error);
            void reload();
            onClose();
            return;
          }
          showServerErrors(form, error);
        },
      },
    );
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate data-obligation-form>
      <Stack gap="sm">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {obligation.description}
        </Text>
        <Select
          label={t('agreements.obligations.status')}
          data={OBLIGATION_STATUSES.map((status) => ({
            value: status,
            label: t(`agreements.obligationStatus.${status}`),
          }))}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('status')}
        />
        <Textarea
          label={t('agreements.obligations.note')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
