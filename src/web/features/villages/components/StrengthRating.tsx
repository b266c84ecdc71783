import { Group, Rating, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { clampStrength } from './villageFormat.ts';

/**
 * A potential's strength 1–5: five dots read as one labelled image ("Kekuatan: 4 dari 5 (Tinggi)"), and the
 * number with its word beside them so the value never rests on the dots alone.
 */
export function StrengthRating({ value }: { value: number }) {
  const { t } = useTranslation();
  const strength = clampStrength(value);
  const words = t('villages.strengthValue', { value: strength, label: t(`villages.strength.${strength}`) });
  return (
    <Group gap={6} wrap="nowrap">
      <Rating
        value={strength}
        count={5}
        readOnly
        size="sm"
        color="teal.9"
        role="img"
        aria-label={`${t('villages.potentials.strength')}: ${words}`}
      />
      <Text size="sm" aria-hidden style={{ whiteSpace: 'nowrap' }}>
        {words}
      </Text>
    </Group>
  );
}
