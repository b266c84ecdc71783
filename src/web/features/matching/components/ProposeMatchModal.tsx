import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlacementDetail } from '../../../../shared/placements.ts';
import type { MatchOpportunity } from '../../../../shared/recommendations.ts';
import { type ApiError, isApiError } from '../../../lib/api.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { NO_CONSENT, NoConsentAlert } from '../../placements/components/ProposeButton.tsx';
import { useProposeFromMatch } from '../api/matching.ts';

/** The pair being proposed: who, for what, and the score the server will weigh again. */
export interface ProposalTarget {
  personId: string;
  personName: string;
  opportunity: Pick<MatchOpportunity, 'id' | 'title' | 'partner' | 'village'>;
}

/**
 * "Usulkan" from a recommendation or a candidate: an optional note, then the proposal. A refusal (409: no
 * longer eligible, already proposed, full) is the server's message in the dialog; without her consent, the
 * way to her consent tab.
 */
export function ProposeMatchModal({
  target,
  onClose,
  onProposed,
}: {
  target: ProposalTarget;
  onClose: () => void;
  onProposed: (placement: PlacementDetail) => void;
}) {
  const { t } = useTranslation();
  const propose = useProposeFromMatch();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const form = useForm({ initialValues: { note: '' } });
  const { opportunity } = target;

  const submit = form.onSubmit((values) => {
    setRefusal(null);
    propose.mutate(
      { personId: target.personId, opportunityId: opportunity.id, note: values.note.trim() || null },
      {
        onSuccess: (placement) => {
          notifySuccess(t('matching.propose.done', { name: target.personName, title: opportunity.title }));
          onProposed(placement);
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && (error.status === 409 || error.code === NO_CONSENT)) {
            setRefusal(error);
            return;
          }
          showServerErrors(form, error);
        },
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('matching.propose.title', { name: target.personName })} centered>
      <form onSubmit={submit} noValidate data-match-propose-form>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('matching.propose.forOpportunity', {
              title: opportunity.title,
              partner: opportunity.partner.name,
              village: opportunity.village.name,
            })}
          </Text>
          <Text size="sm">{t('matching.propose.intro')}</Text>
          <Textarea
            label={t('placements.propose.note')}
            description={t('placements.propose.noteAudience')}
            placeholder={t('placements.propose.notePlaceholder')}
            autosize
            minRows={2}
            maxLength={1000}
            data-autofocus
            {...form.getInputProps('note')}
          />
          {refusal &&
            (refusal.code === NO_CONSENT ? (
              <NoConsentAlert error={refusal} personId={target.personId} name={target.personName} />
            ) : (
              <Alert
                color="red.9"
                variant="filled"
                role="alert"
                icon={<IconAlertCircle aria-hidden />}
                title={t('matching.propose.refusedTitle')}
                data-propose-refused={refusal.code}
              >
                <Text size="sm" c="white">
                  {refusal.message}
                </Text>
              </Alert>
            ))}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={propose.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={propose.isPending}>
              {t('matching.propose.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
