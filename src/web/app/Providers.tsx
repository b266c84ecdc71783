import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../lib/queryClient.ts';
import { buildTheme, cssVariablesResolver } from './theme.ts';

export function Providers({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const close = t('common.close');
  const clearSelection = t('common.clearSelection');
  const theme = useMemo(() => buildTheme({ close, clearSelection }), [close, clearSelection]);
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
          <Notifications position="top-right" />
          {children}
        </DatesProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
}
