import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck, IconPlayerPlay, IconUserPlus, IconX } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COHORT_TRANSITIONS, type Cohort, type CohortStatus } from '../../../../shared/cohorts.ts';
import { isApiError } from '../../../lib/api.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useChangeCohortStatus, useCohort } from '../api/cohorts.ts';

type Target = Exclude<CohortStatus, 'planned'>;

const ICONS: Record<Target, ReactNode> = {
  enrolling: <IconUserPlus size={16} aria-hidden />,
  running: <IconPlayerPlay size={16} aria-hidden />,
  completed: <IconCircleCheck size={16} aria-hidden />,
  cancelled: <IconX size={16} aria-hidden />,
};

/** The next steps of a cohort for a manager (open enrolment, start, complete, cancel), each confirmed first. */
export function StatusActions({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Target | null>(null);
  const targets = COHORT_TRANSITIONS[cohort.status].filter(
    (status): status is Target => status !== 'planned',
  );
  if (!cohort.access.canManage || targets.length === 0) return null;

  return (
    <>
      {targets.map((status) => (
        <Button
          key={status}
          variant={status === 'cancelled' ? 'default' : 'filled'}
          color={status === 'cancelled' ? 'red.9' : undefined}
          c={status === 'cancelled' ? 'red.9' : undefined}
          leftSection={ICONS[status]}
          onClick={() => setTarget(status)}
        >
          {t(`cohorts.actions.${status}`)}
        </Button>
      ))}
      {target && <StatusChangeModal cohort={cohort} target={target} onClose={() => setTarget(null)} />}
    </>
  );
}

function StatusChangeModal({
  cohort,
  target,
  onClose,
}: {
  cohort: Cohort;
  target: Target;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeCohortStatus(cohort.id);
  const fresh = useCohort(cohort.id);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const cancelling = target === 'cancelled';

  const confirm = () => {
    if (cancelling && !reason.trim()) {
      setReasonError(t('common.required'));
      return;
    }
    setProblem(null);
    change.mutate(
      { status: target, reason: cancelling ? reason.trim() : undefined, version: cohort.version },
      {
        onSuccess: () => {
          notifySuccess(t(`cohorts.actions.done.${target}`));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 'COHORT_CHANGED') || isApiError(error, 'VERSION_CONFLICT')) {
            void fresh.refetch();
            setProblem(t('cohorts.actions.changed'));
            return;
          }
          if (isApiError(error) && error.fields?.reason) {
            setReasonError(error.fields.reason);
            return;
          }
          // e.g. sessions still to come before completing: said in the dialog, where the decision is made.
          const message = isApiError(error) ? (error.fields?.status ?? null) : null;
          if (message) setProblem(message);
          else if (isApiError(error) && error.status === 409) setProblem(error.message);
          else notifyError(error);
        },
      },
    );
  };

  const text =
    target === 'completed' || target === 'cancelled'
      ? t(`cohorts.actions.${target}Text`, { count: cohort.allocated })
      : t(`cohorts.actions.${target}Text`);

  return (
    <Modal opened onClose={onClose} title={t(`cohorts.actions.${target}Title`)} centered>
      <Stack gap="sm">
        <Text size="sm">{text}</Text>
        {cancelling && (
          <Textarea
            label={t('cohorts.actions.reason')}
            placeholder={t('cohorts.actions.reasonPlaceholder')}
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
          <Alert color="red" role="alert" p="sm">
            <Text size="sm">{problem}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={change.isPending}>
            {t('common.cancel')}
          </Button>
          <Button color={cancelling ? 'red.9' : undefined} loading={change.isPending} onClick={confirm}>
            {cancelling ? t('cohorts.actions.cancelled') : t(`cohorts.actions.${target}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
