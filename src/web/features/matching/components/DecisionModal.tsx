import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_REASONS, type MatchDecisionKind } from '../../../../shared/recommendations.ts';
import { type ApiError, isApiError } from '../../../lib/api.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useDecideMatch } from '../api/matching.ts';

/** The pair decided on, with the names the dialog speaks of. */
export interface DecisionTarget {
  kind: MatchDecisionKind;
  personId: string;
  personName: string;
  opportunityId: string;
  title: string;
}

interface Values {
  reasonCode: string | null;
  note: string;
}

/** "Sisihkan" (set aside) or, for corrections staff, "Izinkan" / "Tolak" a restricted pair: a reason code and a note. */
export function DecisionModal({ target, onClose }: { target: DecisionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideMatch();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const { kind } = target;
  const names = { name: target.personName, title: target.title };
  const reasonLabel = (code: string) =>
    kind === 'dismissed'
      ? t(`matching.dismissReason.${code}` as 'matching.dismissReason.other')
      : t(`matching.reviewReason.${code}` as 'matching.reviewReason.other');
  const form = useForm<Values>({
    initialValues: { reasonCode: null, note: '' },
    validate: {
      reasonCode: (value) => (value ? null : t('common.required')),
      note: (value, values) =>
        values.reasonCode === 'other' && value.trim() === '' ? t('matching.dismiss.noteRequired') : null,
    },
  });

  const copy = {
    dismissed: {
      title: t('matching.dismiss.title'),
      intro: t('matching.dismiss.intro', names),
      submit: t('matching.dismiss.submit'),
      done: t('matching.dismiss.done', names),
    },
    restriction_cleared: {
      title: t('matching.review.allowTitle'),
      intro: t('matching.review.allowIntro', names),
      submit: t('matching.actions.allow'),
      done: t('matching.review.allowed', names),
    },
    restriction_refused: {
      title: t('matching.review.refuseTitle'),
      intro: t('matching.review.refuseIntro', names),
      submit: t('matching.actions.refuse'),
      done: t('matching.review.refused', names),
    },
  }[kind];

  const submit = form.onSubmit((values) => {
    if (!values.reasonCode) return;
    setRefusal(null);
    decide.mutate(
      {
        kind,
        personId: target.personId,
        opportunityId: target.opportunityId,
        reasonCode: values.reasonCode,
        note: values.note.trim() || null,
      },
      {
        onSuccess: () => {
          notifySuccess(copy.done);
          onClose();
        },
        onError: (error) => {
          // Someone decided on the pair first: say so here (the lists are asked again on close).
          if (isApiError(error) && error.status === 409) {
            setRefusal(error);
            return;
          }
          showServerErrors(form, error);
        },
      },
    );
  }, focusFirstError);

  return (
    <Modal opened onClose={onClose} title={copy.title} centered>
      <form onSubmit={submit} noValidate data-match-decision={kind}>
        <Stack gap="sm">
          <Text size="sm">{copy.intro}</Text>
          <Select
            label={t('matching.dismiss.reason')}
            placeholder={t('matching.dismiss.reasonPlaceholder')}
            data={DECISION_REASONS[kind].map((code) => ({ value: code, label: reasonLabel(code) }))}
            withAsterisk
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
            {...form.getInputProps('reasonCode')}
          />
          <Textarea
            label={t('matching.dismiss.note')}
            placeholder={t('matching.dismiss.notePlaceholder')}
            withAsterisk={form.values.reasonCode === 'other'}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('note')}
          />
          {refusal && (
            <Alert color="red.9" variant="filled" role="alert" icon={<IconAlertCircle aria-hidden />}>
              <Text size="sm" c="white">
                {refusal.message}
              </Text>
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={decide.isPending}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={decide.isPending}
              color={kind === 'restriction_refused' ? 'red.9' : undefined}
            >
              {copy.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
