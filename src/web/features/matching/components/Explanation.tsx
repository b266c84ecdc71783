import { Badge, Group, List, Progress, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MatchFactorView, MatchReasonView, MissingSkill } from '../../../../shared/recommendations.ts';
import { factorBars, formatPoints, reasonText, type ScoreBand, scoreBand, skillsHidden } from './model.ts';

// The parts of an explained match: the score, what each factor adds, the reasons, the skills she lacks.

const BAND_COLORS: Record<ScoreBand, string> = { strong: 'teal.9', good: 'blue.9', fair: 'gray.8' };

/** The score 0–100 in large figures with its band in words (never colour alone). */
export function ScoreBlock({ score, size = 'lg' }: { score: number; size?: 'lg' | 'md' }) {
  const { t, i18n } = useTranslation();
  const band = scoreBand(score);
  return (
    <Stack gap={2} align="center" style={{ flexShrink: 0, minWidth: 88 }} data-score={score}>
      <Text size="xs" c="dimmed" ta="center">
        {t('matching.score.label')}
      </Text>
      <Text fz={size === 'lg' ? 32 : 24} fw={700} lh={1} ta="center">
        {formatPoints(score, i18n.language)}
        <Text component="span" size="sm" fw={500} aria-hidden>
          /100
        </Text>
        <VisuallyHidden> {t('matching.score.outOf')}</VisuallyHidden>
      </Text>
      <Badge color={BAND_COLORS[band]} radius="sm" tt="none" styles={{ label: { overflow: 'visible' } }}>
        {t(`matching.score.band.${band}`)}
      </Badge>
    </Stack>
  );
}

/** Each factor: its name, a bar of how well she meets it (decoration), and its points in words. */
export function FactorBars({
  factors,
  headingOrder = 4,
}: {
  factors: MatchFactorView[];
  headingOrder?: 3 | 4;
}) {
  const { t, i18n } = useTranslation();
  const bars = factorBars(factors);
  return (
    <div>
      <Title order={headingOrder} fz="sm" mb={6}>
        {t('matching.factors.title')}
      </Title>
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
        {bars.map((bar) => {
          const points = formatPoints(bar.points, i18n.language);
          const max = formatPoints(bar.max, i18n.language);
          return (
            <li key={bar.factor} data-factor={bar.factor}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="xs">{t(`matching.factor.${bar.factor}`)}</Text>
                <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  <span aria-hidden>{t('matching.factors.points', { points, max })}</span>
                  <VisuallyHidden>{t('matching.factors.pointsLong', { points, max })}</VisuallyHidden>
                </Text>
              </Group>
              <Progress value={bar.value * 100} size="sm" color="blue.9" aria-hidden />
            </li>
          );
        })}
      </Stack>
    </div>
  );
}

const TONE_ICONS = {
  positive: { icon: IconCheck, color: 'var(--mantine-color-teal-9)' },
  negative: { icon: IconX, color: 'var(--mantine-color-red-9)' },
  neutral: { icon: IconInfoCircle, color: 'var(--mantine-color-gray-8)' },
} as const;

/** The reasons, each with ✓ (for), ✗ (against) or ⓘ (note) and the same said in words for screen readers. */
export function ReasonList({
  reasons,
  limit,
  headingOrder = 4,
  title,
}: {
  reasons: MatchReasonView[];
  limit?: number;
  headingOrder?: 3 | 4;
  title?: string;
}) {
  const { t, i18n } = useTranslation();
  const shown = limit === undefined ? reasons : reasons.slice(0, limit);
  return (
    <div>
      <Title order={headingOrder} fz="sm" mb={6}>
        {title ?? t('matching.reasons.title')}
      </Title>
      {shown.length === 0 ? (
        <Text size="sm">{t('matching.reasons.none')}</Text>
      ) : (
        <List spacing={4} size="sm" center={false} listStyleType="none" p={0} m={0}>
          {shown.map((reason) => {
            const { icon: Icon, color } = TONE_ICONS[reason.tone];
            return (
              <List.Item
                // A code can repeat with other params (two skills): both make the key.
                key={`${reason.code}:${JSON.stringify(reason.params)}`}
                data-tone={reason.tone}
                icon={<Icon size={16} color={color} stroke={2.5} aria-hidden style={{ marginTop: 2 }} />}
              >
                <VisuallyHidden>{t(`matching.reasons.${reason.tone}`)} </VisuallyHidden>
                {reasonText(reason, i18n.language)}
              </List.Item>
            );
          })}
        </List>
      )}
    </div>
  );
}

/**
 * The essential and optional skills she lacks for it (or "none"); "skills not shared" instead when her skills
 * were kept from the caller (the lists are empty then, not because she lacks nothing).
 */
export function MissingSkills({
  essential,
  optional,
  reasons,
}: {
  essential: MissingSkill[];
  optional: MissingSkill[];
  /** The pair's reasons: they tell whether her skills were shared with the caller. */
  reasons: readonly MatchReasonView[];
}) {
  const { t } = useTranslation();
  if (skillsHidden(reasons))
    return (
      <Text size="sm" data-missing-skills="hidden">
        {t('matching.missing.hidden')}
      </Text>
    );
  const names = (skills: MissingSkill[]) =>
    skills.length === 0 ? t('matching.missing.none') : skills.map((skill) => skill.name).join(', ');
  return (
    <Stack gap={2} data-missing-skills>
      <Text size="sm">
        <Text component="span" size="sm" fw={600}>
          {t('matching.missing.essential')}:
        </Text>{' '}
        {names(essential)}
      </Text>
      <Text size="sm">
        <Text component="span" size="sm" fw={600}>
          {t('matching.missing.optional')}:
        </Text>{' '}
        {names(optional)}
      </Text>
    </Stack>
  );
}

/** "Bobot versi 3": the version of the weights that scored it, in small print. */
export function RuleVersion({ version }: { version: number }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" data-rule-version={version}>
      {t('matching.ruleVersion', { version })}
    </Text>
  );
}
