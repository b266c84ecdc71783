import { Box, Button, Group, Text } from '@mantine/core';
import { IconLogin2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SIGN_IN_PATH } from '../../../../app/paths.ts';
import { DemoBanner } from '../../../../components/DemoBanner.tsx';
import { LanguageSwitch } from '../../../../components/LanguageSwitch.tsx';

/** The public page's bar: the app's name, the language switch and the way in for staff. */
export function PublicHeader({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  return (
    <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      {demo && <DemoBanner />}
      <Group h={56} px="md" justify="space-between" wrap="nowrap">
        <Text fw={800} fz="xl" c="blue.9">
          {t('insight.public.brand')}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <LanguageSwitch />
          <Button
            component={Link}
            to={SIGN_IN_PATH}
            size="sm"
            variant="filled"
            leftSection={<IconLogin2 size={18} aria-hidden />}
          >
            {t('insight.public.signIn')}
          </Button>
        </Group>
      </Group>
    </Box>
  );
}
