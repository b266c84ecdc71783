import { Alert, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../shared/meetings.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { meetingKeys } from '../api/meetings.ts';

type ServerErrorOptions = Parameters<typeof showServerErrors>[2];
type FormLike = Parameters<typeof showServerErrors>[0];

interface MeetingPageValue {
  meeting: MeetingDetail;
  /**
   * What every change on the page does with a refusal: a stale version shows the reload prompt; a meeting
   * cancelled or closed meanwhile is said and reloaded; field errors land on the form's inputs; the rest
   * is a notification. Returns whether the change may be corrected on the form (false: it cannot).
   */
  onError: (error: unknown, form?: FormLike, options?: ServerErrorOptions) => boolean;
  /** Someone else changed the meeting first: the page shows the reload prompt. */
  stale: boolean;
  reloading: boolean;
  reload: () => Promise<void>;
}

const MeetingPage = createContext<MeetingPageValue | null>(null);

export function useMeetingPage(): MeetingPageValue {
  const value = useContext(MeetingPage);
  if (!value) throw new Error('useMeetingPage outside MeetingPageProvider');
  return value;
}

/** Refusals that mean the meeting is no longer what the page shows. */
const GONE = ['MEETING_CANCELLED', 'MEETING_STATUS_CHANGE', 'MEETING_NOT_FOUND', 'ACTION_ITEM_NOT_FOUND'];

/** The meeting page's shared state: the meeting shown, the error rule, and the reload after a conflict. */
export function MeetingPageProvider({ meeting, children }: { meeting: MeetingDetail; children: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const reload = async () => {
    setReloading(true);
    try {
      await queryClient.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id) });
      setStale(false);
      notifySuccess(t('meetings.page.reloaded'));
    } finally {
      setReloading(false);
    }
  };

  const onError: MeetingPageValue['onError'] = (error, form, options) => {
    if (isApiError(error) && isStaleVersion(error)) {
      setStale(true);
      return false;
    }
    if (isApiError(error) && GONE.includes(error.code)) {
      notifyError(error);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      return false;
    }
    if (form) return showServerErrors(form, error, options);
    // No form to mark (a status change, a row's select): the fields' own messages say what is wrong.
    const messages = isApiError(error) ? Object.values(error.fields ?? {}) : [];
    if (messages.length > 0) {
      notifications.show({ color: 'red', message: messages.join(' '), autoClose: 10_000 });
      return false;
    }
    notifyError(error);
    return false;
  };

  return (
    <MeetingPage.Provider value={{ meeting, onError, stale, reloading, reload }}>
      {children}
    </MeetingPage.Provider>
  );
}

/** The reload prompt after someone else changed the meeting first: its button takes the focus. */
export function StalePrompt() {
  const { t } = useTranslation();
  const { stale, reloading, reload } = useMeetingPage();
  const reloadButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (stale) reloadButton.current?.focus();
  }, [stale]);
  if (!stale) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      title={t('meetings.page.staleTitle')}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      data-testid="stale-alert"
    >
      <Text size="sm">{t('meetings.page.stale')}</Text>
      <Button
        mt="xs"
        size="xs"
        variant="white"
        color="dark"
        leftSection={<IconRefresh size={14} aria-hidden />}
        ref={reloadButton}
        loading={reloading}
        onClick={() => void reload()}
      >
        {t('meetings.page.reload')}
      </Button>
    </Alert>
  );
}
