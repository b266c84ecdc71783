import { Alert, Badge, Button, Group, Modal, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity, OpportunityRestrictions } from '../../../../shared/opportunities.ts';
import { OFFENCE_CATEGORIES } from '../../../../shared/people.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useOpportunity, useReviewRestrictions } from '../api/opportunities.ts';
import { optionsOf } from './vocabulary.ts';

type Offence = (typeof OFFENCE_CATEGORIES)[number];

/**
 * What corrections staff reviewed: the offences that rule a woman out and a note, with who reviewed them and
 * when. Rendered only when the server sent `restrictions` (never to a partner).
 */
export function RestrictionsView({
  restrictions,
  canReview,
  onReview,
}: {
  restrictions: OpportunityRestrictions;
  canReview: boolean;
  onReview: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('opportunities.restrictions.intro')}</Text>
      <div>
        <Text size="sm" c="dimmed">
          {t('opportunities.restrictions.offences')}
        </Text>
        {restrictions.offences.length === 0 ? (
          <Text size="sm" fw={500}>
            {t('opportunities.restrictions.none')}
          </Text>
        ) : (
          <Group gap={4} component="ul" p={0} m={0} mt={4} style={{ listStyle: 'none' }}>
            {restrictions.offences.map((offence) => (
              <Badge key={offence} component="li" color="grape.9" radius="sm" tt="none">
                {t(`people.vocab.offence.${offence}`)}
              </Badge>
            ))}
          </Group>
        )}
      </div>
      {restrictions.note && (
        <div>
          <Text size="sm" c="dimmed">
            {t('opportunities.restrictions.note')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {restrictions.note}
          </Text>
        </div>
      )}
      <Text size="sm" data-restrictions-reviewed={restrictions.reviewedAt ? 'yes' : 'no'}>
        {restrictions.reviewedAt
          ? t('opportunities.restrictions.reviewed', {
              name: restrictions.reviewedBy ?? '—',
              date: formatDateTime(restrictions.reviewedAt),
            })
          : t('opportunities.restrictions.notReviewed')}
      </Text>
      {canReview && (
        <div>
          <Button
            variant="default"
            leftSection={<IconShieldCheck size={16} aria-hidden />}
            onClick={onReview}
          >
            {t('opportunities.restrictions.review')}
          </Button>
        </div>
      )}
    </Stack>
  );
}

interface ReviewValues {
  offences: Offence[];
  note: string;
}

/** "Tinjau pembatasan": corrections staff confirm or change the offences and the note. */
export function RestrictionsReviewModal({
  opportunity,
  restrictions,
  onClose,
}: {
  opportunity: Opportunity;
  restrictions: OpportunityRestrictions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const review = useReviewRestrictions(opportunity.id);
  const fresh = useOpportunity(opportunity.id);
  const [stale, setStale] = useState(false);
  const form = useForm<ReviewValues>({
    initialValues: { offences: [...restrictions.offences], note: restrictions.note ?? '' },
  });

  const submit = form.onSubmit((values) => {
    review.mutate(
      // The restrictions' own version: a review does not change (nor conflict with) the opportunity's.
      { offences: values.offences, note: values.note.trim() || null, version: restrictions.version },
      {
        onSuccess: () => {
          notifySuccess(t('opportunities.restrictions.saved'));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && isStaleVersion(error)) {
            void fresh.refetch();
            setStale(true);
            return;
          }
          showServerErrors(form, error);
        },
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('opportunities.restrictions.reviewTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('opportunities.restrictions.reviewText')}</Text>
          <MultiSelect
            searchable
            label={t('opportunities.restrictions.offences')}
            data={optionsOf(OFFENCE_CATEGORIES, (code) => t(`people.vocab.offence.${code}`))}
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('offences')}
          />
          <Textarea
            label={t('opportunities.restrictions.note')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            {...form.getInputProps('note')}
          />
          {stale && (
            <Alert color="red.9" variant="filled" role="alert" p="sm">
              <Text size="sm">{t('opportunities.actions.changed')}</Text>
            </Alert>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={review.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={review.isPending}>
              {t('opportunities.restrictions.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
