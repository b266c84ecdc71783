import { Badge, Group, List, RingProgress, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanCompleteness, PlanMissing } from '../../../../shared/reintegration.ts';
import { InfoField } from '../../../components/InfoField.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { formatDate } from '../../../lib/format.ts';
import { todayIso } from '../../people/components/dates.ts';
import { completenessColor } from './vocabulary.ts';

/** One missing item in words (the same definition as the pre-release dashboard and the PDF). */
export function useMissingLabel() {
  const { t } = useTranslation();
  return (missing: PlanMissing) =>
    missing.item === 'pathways_not_started'
      ? t('reintegration.completeness.missing.pathways_not_started', { count: missing.count ?? 0 })
      : t(`reintegration.completeness.missing.${missing.item}`);
}

/** How far the plan is: the ring of started pathways, what is still missing, the handover, the next review. */
export function CompletenessCard({
  completeness,
  nextReviewOn,
}: {
  completeness: PlanCompleteness;
  nextReviewOn: string | null;
}) {
  const { t } = useTranslation();
  const missingLabel = useMissingLabel();
  const { percent, started, missing, handover } = completeness;
  const reviewOverdue = nextReviewOn !== null && nextReviewOn < todayIso();
  return (
    <SectionCard title={t('reintegration.completeness.title')} id="plan-completeness">
      {/* A restricted reader (kelurahan) gets no percent: it would tell whether the hidden pathways started. */}
      {percent !== null && (
        <Group gap="md" wrap="nowrap" align="center">
          <RingProgress
            size={92}
            thickness={10}
            roundCaps
            role="img"
            aria-label={t('reintegration.completeness.label', { percent })}
            sections={[{ value: percent, color: completenessColor(percent) }]}
            rootColor="var(--mantine-color-gray-3)"
            label={
              <Text ta="center" fw={700} size="lg">
                {t('reintegration.completeness.value', { percent })}
              </Text>
            }
            data-completeness={percent}
          />
          <Text size="sm">
            {t('reintegration.completeness.started', { count: started ?? 0, total: completeness.total })}
          </Text>
        </Group>
      )}
      <div>
        <Text size="sm" fw={600} mb={4}>
          {t('reintegration.completeness.missingTitle')}
        </Text>
        {missing.length === 0 ? (
          <Group gap={6} wrap="nowrap">
            <IconCircleCheck size={18} color="var(--mantine-color-teal-9)" aria-hidden />
            <Text size="sm">{t('reintegration.completeness.nothingMissing')}</Text>
          </Group>
        ) : (
          <List
            size="sm"
            spacing={4}
            icon={<IconCircleDashed size={16} color="var(--mantine-color-orange-9)" aria-hidden />}
            data-plan-missing
          >
            {missing.map((item) => (
              <List.Item key={item.item}>{missingLabel(item)}</List.Item>
            ))}
          </List>
        )}
      </div>
      <Stack gap="xs">
        <InfoField label={t('reintegration.completeness.handoverTitle')} size="sm">
          {t(`reintegration.completeness.handover.${handover.state}`, {
            organization: handover.organizationName ?? '—',
          })}
        </InfoField>
        <InfoField label={t('reintegration.completeness.nextReviewTitle')} size="sm">
          {nextReviewOn ? (
            <Group gap="xs" component="span">
              <span>{formatDate(nextReviewOn)}</span>
              {reviewOverdue && (
                <Badge color="red.9" radius="sm" tt="none">
                  {t('reintegration.completeness.reviewOverdue')}
                </Badge>
              )}
            </Group>
          ) : (
            t('reintegration.completeness.noReview')
          )}
        </InfoField>
      </Stack>
    </SectionCard>
  );
}
