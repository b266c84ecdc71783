import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconDoorEnter, IconDoorExit, IconRefresh } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity, OpportunityStatusAction } from '../../../../shared/opportunities.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useChangeOpportunityStatus, useOpportunity } from '../api/opportunities.ts';
import { allowedStatusActions } from './vocabulary.ts';

const ICONS: Record<OpportunityStatusAction, ReactNode> = {
  open: <IconDoorEnter size={16} aria-hidden />,
  close: <IconDoorExit size={16} aria-hidden />,
  reopen: <IconRefresh size={16} aria-hidden />,
};

/** Buka / Tutup (with a reason) / Buka kembali, each confirmed in a dialog. */
export function StatusActions({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<OpportunityStatusAction | null>(null);
  const actions = allowedStatusActions(opportunity.permissions);
  if (actions.length === 0) return null;
  return (
    <>
      {actions.map((item) => (
        <Button
          key={item}
          variant={item === 'close' ? 'default' : 'filled'}
          c={item === 'close' ? 'red.9' : undefined}
          leftSection={ICONS[item]}
          onClick={() => setAction(item)}
          data-action={item}
        >
          {t(`opportunities.actions.${item}`)}
        </Button>
      ))}
      {action && <StatusModal opportunity={opportunity} action={action} onClose={() => setAction(null)} />}
    </>
  );
}

function StatusModal({
  opportunity,
  action,
  onClose,
}: {
  opportunity: Opportunity;
  action: OpportunityStatusAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeOpportunityStatus(opportunity.id);
  const fresh = useOpportunity(opportunity.id);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const closing = action === 'close';

  const confirm = () => {
    if (closing && !reason.trim()) {
      setReasonError(t('common.required'));
      return;
    }
    setProblem(null);
    change.mutate(
      { action, reason: closing ? reason.trim() : undefined, version: opportunity.version },
      {
        onSuccess: () => {
          notifySuccess(t(`opportunities.actions.done.${action}`));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && isStaleVersion(error)) {
            void fresh.refetch();
            setProblem(t('opportunities.actions.changed'));
            return;
          }
          if (isApiError(error) && error.fields?.reason) {
            setReasonError(error.fields.reason);
            return;
          }
          // e.g. opening a vacancy without any required skill: said in the dialog, where the decision is made.
          const fields = isApiError(error) ? Object.values(error.fields ?? {}) : [];
          if (fields.length > 0) setProblem(fields.join(' '));
          else if (isApiError(error) && (error.status === 409 || error.status === 400))
            setProblem(error.message);
          else notifyError(error);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t(`opportunities.actions.${action}Title`)} centered>
      <Stack gap="sm">
        <Text size="sm">{t(`opportunities.actions.${action}Text`)}</Text>
        {closing && (
          <Textarea
            label={t('opportunities.actions.reason')}
            placeholder={t('opportunities.actions.reasonPlaceholder')}
            withAsterisk
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(null);
            }}
            data-autofocus
          />
        )}
        {problem && (
          <Alert color="red.9" variant="filled" role="alert" p="sm">
            <Text size="sm">{problem}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={change.isPending}>
            {t('common.cancel')}
          </Button>
          <Button color={closing ? 'red.9' : undefined} loading={change.isPending} onClick={confirm}>
            {t(`opportunities.actions.confirm.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
