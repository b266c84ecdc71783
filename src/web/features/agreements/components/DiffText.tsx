import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementDiffPart } from '../../../../shared/agreements.ts';

// Added words: green background AND underline; removed words: red background AND strike-through. Each run
// is an <ins>/<del> that also says so in words for screen readers (most do not announce the elements), so
// the change never rests on colour alone.
const INS = {
  backgroundColor: 'var(--mantine-color-green-1)',
  // Dark text: green text on the light green falls below 4.5:1.
  color: 'var(--mantine-color-black)',
  textDecoration: 'underline',
  textDecorationThickness: 2,
  textUnderlineOffset: 3,
} as const;
const DEL = {
  backgroundColor: 'var(--mantine-color-red-1)',
  color: 'var(--mantine-color-red-9)',
  textDecoration: 'line-through',
  textDecorationThickness: 2,
} as const;

/** One section's word-level diff, its line breaks kept. */
export function DiffText({ parts }: { parts: readonly AgreementDiffPart[] }) {
  const { t } = useTranslation();
  return (
    <Text component="div" size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, index) => {
        const key = `${index}-${part.added ? 'a' : part.removed ? 'r' : 'u'}`;
        if (part.added) {
          return (
            <ins key={key} style={INS}>
              <VisuallyHidden>{t('agreements.diff.addedStart')}</VisuallyHidden>
              {part.value}
              <VisuallyHidden>{t('agreements.diff.addedEnd')}</VisuallyHidden>
            </ins>
          );
        }
        if (part.removed) {
          return (
            <del key={key} style={DEL}>
              <VisuallyHidden>{t('agreements.diff.removedStart')}</VisuallyHidden>
              {part.value}
              <VisuallyHidden>{t('agreements.diff.removedEnd')}</VisuallyHidden>
            </del>
          );
        }
        return <span key={key}>{part.value}</span>;
      })}
    </Text>
  );
}

/** What the marks mean, shown above the comparison. */
export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" aria-hidden>
      <Text size="sm">
        <Box component="ins" style={INS}>
          {t('agreements.diff.legendAdded')}
        </Box>
      </Text>
      <Text size="sm">
        <Box component="del" style={DEL}>
          {t('agreements.diff.legendRemoved')}
        </Box>
      </Text>
    </Group>
  );
}
