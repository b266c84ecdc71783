import { notifications } from '@mantine/notifications';
import { isApiError } from './api.ts';
import { i18n } from './i18n/i18n.ts';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message });
}

/** Shows the server's (already translated) message, with its reference code for the helpdesk. */
export function notifyError(error: unknown): void {
  const message = isApiError(error) ? error.message : i18n.t('errors.unexpected');
  const reference =
    isApiError(error) && error.correlationId
      ? i18n.t('errors.reference', { id: error.correlationId })
      : undefined;
  notifications.show(
    reference
      ? { color: 'red', title: message, message: reference, autoClose: 10_000 }
      : { color: 'red', message, autoClose: 10_000 },
  );
}
