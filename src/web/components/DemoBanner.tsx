import { Box, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Height of the banner inside the header, per breakpoint (the text wraps to two lines on phones). */
export const DEMO_BANNER_HEIGHT = { base: 44, sm: 28 } as const;

/** The yellow strip that says the data are samples: dark text on yellow keeps the contrast high. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <Box
      bg="yellow.3"
      c="dark.9"
      px="sm"
      h={DEMO_BANNER_HEIGHT}
      style={{ display: 'flex', alignItems: 'center' }}
    >
      <Group gap={6} wrap="nowrap" justify="center" w="100%">
        <IconAlertTriangle size={16} aria-hidden style={{ flexShrink: 0 }} />
        <Text size="xs" fw={600} lh={1.3} c="dark.9" ta="center">
          {t('demo.banner')}
        </Text>
      </Group>
    </Box>
  );
}
