import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handover } from '../../../../shared/handovers.ts';
import type { Person } from '../../../../shared/people.ts';
import { DateField } from '../../../components/DateField.tsx';
import { isApiError } from '../../../lib/api.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { useReloadHandovers, useSendHandover } from '../api/handovers.ts';
import { PlanRequiredAlert } from './PlanRequiredAlert.tsx';

interface SendHandoverModalProps {
  opened: boolean;
  person: Person;
  onClose: () => void;
  /** Called with the handover sent (its package is then shown). */
  onSent: (handover: Handover) => void;
}

/** "Serahkan ke Bapas": the receiving Bapas, a note and the expected release date. */
export function SendHandoverModal({ opened, person, onClose, onSent }: SendHandoverModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('handovers.send.title')} centered size="lg">
      {opened && <SendForm person={person} onClose={onClose} onSent={onSent} />}
    </Modal>
  );
}

interface Values {
  toOrganizationId: string | null;
  note: string;
  expectedReleaseDate: string | null;
}

function SendForm({ person, onClose, onSent }: Omit<SendHandoverModalProps, 'opened'>) {
  const { t } = useTranslation();
  const bapas = useOrganizations({ kind: 'probation' });
  const send = useSendHandover(person.id);
  const reload = useReloadHandovers();
  const [planRequired, setPlanRequired] = useState(false);
  const options = (bapas.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }));
  // With a single Bapas (the usual case) there is nothing to choose.
  const only = options.length === 1 ? options[0]?.value : undefined;
  const form = useForm<Values>({
    initialValues: { toOrganizationId: null, note: '', expectedReleaseDate: person.releaseDate },
  });
  const chosen = form.values.toOrganizationId ?? only ?? null;

  const submit = form.onSubmit((values) => {
    const toOrganizationId = values.toOrganizationId ?? only;
    if (!toOrganizationId) {
      form.setFieldError('toOrganizationId', t('common.required'));
      focusFirstError();
      return;
    }
    send.mutate(
      {
        toOrganizationId,
        note: values.note.trim() || null,
        expectedReleaseDate: values.expectedReleaseDate || null,
      },
      {
        onSuccess: (handover) => {
          notifySuccess(t('handovers.send.done', { bapas: handover.to.name }));
          onSent(handover);
        },
        onError: (error) => {
          if (isApiError(error, 'HANDOVER_PLAN_REQUIRED')) {
            setPlanRequired(true);
            return;
          }
          if (isApiError(error, 'HANDOVER_EXISTS')) {
            // Someone else sent one first: show it.
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
    <form onSubmit={submit} noValidate data-handover-send>
      <Stack gap="sm">
        <Text size="sm">{t('handovers.send.intro', { name: person.displayName })}</Text>
        {planRequired && <PlanRequiredAlert onNavigate={onClose} />}
        <Select
          label={t('handovers.send.bapas')}
          placeholder={t('handovers.send.bapasPlaceholder')}
          data={options}
          withAsterisk
          searchable
          nothingFoundMessage={bapas.isPending ? t('common.loading') : EMPTY}
          {...form.getInputProps('toOrganizationId')}
          value={chosen}
        />
        {!bapas.isPending && options.length === 0 && (
          <Text size="sm" c="red.9">
            {t('handovers.send.noBapas')}
          </Text>
        )}
        <DateField
          label={t('handovers.send.expectedReleaseDate')}
          description={t('handovers.send.expectedReleaseHint')}
          clearable
          maw={260}
          {...form.getInputProps('expectedReleaseDate')}
        />
        <Textarea
          label={t('handovers.send.note')}
          placeholder={t('handovers.send.notePlaceholder')}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={send.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={send.isPending}>
            {t('handovers.send.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
