import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortPersonId } from '../../../../shared/peopleData.ts';
import { isApiError } from '../../../lib/api.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useAnonymize } from '../api/peopleData.ts';

interface AnonymizeModalProps {
  person: { id: string; displayName: string } | null;
  onClose: () => void;
  onDone?: () => void;
}

/** The strong confirmation of an anonymization: what goes, what stays, and her short id typed back. */
export function AnonymizeModal({ person, onClose, onDone }: AnonymizeModalProps) {
  const { t } = useTranslation();
  const anonymize = useAnonymize();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const code = person ? shortPersonId(person.id) : '';

  const close = () => {
    setTyped('');
    setError(null);
    onClose();
  };

  const submit = () => {
    if (!person) return;
    anonymize.mutate(
      { personId: person.id, confirm: typed },
      {
        onSuccess: (result) => {
          notifySuccess(t('peopleData.anonymize.done', { name: result.displayName }));
          close();
          onDone?.();
        },
        onError: (failure) => {
          if (isApiError(failure) && failure.fields?.confirm) setError(failure.message);
          else notifyError(failure);
        },
      },
    );
  };

  return (
    <Modal
      opened={person !== null}
      onClose={close}
      title={person ? t('peopleData.anonymize.title', { name: person.displayName }) : ''}
      centered
    >
      <Stack gap="md">
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />}>
          <Text size="sm">{t('peopleData.anonymize.warning')}</Text>
        </Alert>
        <TextInput
          label={t('peopleData.anonymize.confirmLabel', { code })}
          value={typed}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          autoComplete="off"
          data-autofocus
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={anonymize.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={submit}
            loading={anonymize.isPending}
            disabled={typed.trim().toUpperCase() !== code}
          >
            {t('peopleData.anonymize.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
