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

interface FormWithErrors {
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => object;
}

/**
 * Puts the server's field errors on the matching inputs; anything that does not fit a field becomes a
 * notification.
 */
export function showFormError(form: FormWithErrors, error: unknown): void {
  const fields = isApiError(error) ? error.fields : undefined;
  if (fields) {
    const known = Object.keys(form.getValues());
    const matched = Object.fromEntries(Object.entries(fields).filter(([name]) => known.includes(name)));
    form.setErrors(matched);
    if (Object.keys(matched).length > 0) return;
  }
  notifyError(error);
}
