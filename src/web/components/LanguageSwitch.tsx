import { Button, Menu, Text } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/common.ts';
import { useChangeLanguage } from '../features/auth/api/session.ts';
import { currentLanguage } from '../lib/i18n/i18n.ts';
import { notifyError } from '../lib/notify.ts';

const LANGUAGES: readonly Language[] = ['id', 'en'];

/** Bahasa Indonesia / English switch; remembered in the profile when signed in, on this device otherwise. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const language = currentLanguage();

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="sm"
          px="xs"
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('language.label')}
          loading={changeLanguage.isPending}
          styles={{ section: { marginInlineEnd: 0 } }}
        >
          {/* The visible word equals the accessible name; phones show the icon only. */}
          <Text span size="sm" fw={500} visibleFrom="xs" ml={6}>
            {t('language.label')}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LANGUAGES.map((option) => (
          <Menu.Item
            key={option}
            lang={option}
            leftSection={
              option === language ? <IconCheck size={16} aria-hidden /> : <span style={{ width: 16 }} />
            }
            aria-current={option === language ? 'true' : undefined}
            onClick={() => changeLanguage.mutate(option, { onError: notifyError })}
          >
            {t(`language.${option}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
