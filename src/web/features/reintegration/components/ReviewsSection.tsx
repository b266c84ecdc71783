import { Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconClipboardCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../shared/dates.ts';
import { type PlanReview, REVIEW_INTERVAL_DAYS } from '../../../../shared/reintegration.ts';
import { DateField } from '../../../components/DateField.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { formatDate } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { todayIso } from '../../people/components/dates.ts';
import { useCreateReview } from '../api/reintegration.ts';

/** The plan's reviews, newest first, and (corrections staff) recording a new one. */
export function ReviewsSection({
  personId,
  reviews,
  canManage,
}: {
  personId: string;
  reviews: PlanReview[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <SectionCard
      title={t('reintegration.reviews.title')}
      id="plan-reviews"
      actions={
        canManage && (
          <Button
            size="xs"
            leftSection={<IconClipboardCheck size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('reintegration.reviews.add')}
          </Button>
        )
      }
    >
      {reviews.length === 0 ? (
        <Text size="sm">{t('reintegration.reviews.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {reviews.map((review) => (
            <Paper key={review.id} withBorder p="sm" component="li" data-plan-review>
              <Group justify="space-between" gap="xs">
                <Text size="sm" fw={700}>
                  {formatDate(review.reviewedOn)}
                </Text>
                {review.nextReviewOn && (
                  <Text size="sm" c="dimmed">
                    {t('reintegration.reviews.next', { date: formatDate(review.nextReviewOn) })}
                  </Text>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {t('reintegration.reviews.by', {
                  name: review.reviewerName,
                  organization: review.organizationName,
                })}
              </Text>
              {review.summary && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {review.summary}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
      {canManage && (
        <Modal
          opened={adding}
          onClose={() => setAdding(false)}
          title={t('reintegration.reviews.addTitle')}
          size="lg"
          centered
        >
          {adding && <ReviewForm personId={personId} onClose={() => setAdding(false)} />}
        </Modal>
      )}
    </SectionCard>
  );
}

interface ReviewValues {
  reviewedOn: string | null;
  summary: string;
  nextReviewOn: string | null;
}

function ReviewForm({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateReview(personId);
  const today = todayIso();
  const form = useForm<ReviewValues>({
    initialValues: { reviewedOn: today, summary: '', nextReviewOn: addDays(today, REVIEW_INTERVAL_DAYS) },
    validate: {
      reviewedOn: (value) =>
        !value ? t('common.required') : value > today ? t('reintegration.reviews.future') : null,
      summary: (value) => (value.trim() ? null : t('common.required')),
      nextReviewOn: (value, values) =>
        value && values.reviewedOn && value <= values.reviewedOn
          ? t('reintegration.reviews.nextBeforeReview')
          : null,
    },
  });

  // The next review follows the review date while the officer has not chosen another.
  const changeReviewedOn = (value: string | null) => {
    const previous = form.values.reviewedOn;
    form.setFieldValue('reviewedOn', value);
    if (
      value &&
      (!form.values.nextReviewOn ||
        (previous && form.values.nextReviewOn === addDays(previous, REVIEW_INTERVAL_DAYS)))
    )
      form.setFieldValue('nextReviewOn', addDays(value, REVIEW_INTERVAL_DAYS));
  };

  const submit = form.onSubmit((values) => {
    if (!values.reviewedOn) return;
    create.mutate(
      {
        reviewedOn: values.reviewedOn,
        summary: values.summary.trim(),
        ...(values.nextReviewOn ? { nextReviewOn: values.nextReviewOn } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(t('reintegration.reviews.saved'));
          onClose();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate data-review-form>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t('reintegration.reviews.reviewedOn')}
            description={t('reintegration.reviews.reviewedOnHint')}
            maxDate={today}
            withAsterisk
            {...form.getInputProps('reviewedOn')}
            onChange={(value) => changeReviewedOn(value)}
          />
          <DateField
            label={t('reintegration.reviews.nextReviewOn')}
            description={t('reintegration.reviews.nextReviewOnHint')}
            minDate={form.values.reviewedOn ?? undefined}
            clearable
            {...form.getInputProps('nextReviewOn')}
          />
        </SimpleGrid>
        <Textarea
          label={t('reintegration.reviews.summary')}
          description={t('reintegration.reviews.summaryHint')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('summary')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('reintegration.reviews.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
