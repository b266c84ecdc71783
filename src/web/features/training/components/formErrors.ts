import { isApiError } from '../../../lib/api.ts';
import { notifyError } from '../../../lib/notify.ts';
import { placeFieldErrors } from './serverErrors.ts';

interface FormLike {
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => object;
}

/** Moves the keyboard focus to the first field marked invalid, so the officer lands on what to fix. */
export function focusFirstError(): void {
  window.requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
  });
}

/**
 * Puts the server's field errors on the matching inputs (nested paths included); whatever has no field
 * becomes a notification. Returns whether something landed on a field.
 */
export function showServerErrors(
  form: FormLike,
  error: unknown,
  renames: Record<string, string> = {},
): boolean {
  if (!isApiError(error) || !error.fields) {
    notifyError(error);
    return false;
  }
  const { placed, unplaced } = placeFieldErrors(form.getValues(), error.fields, renames);
  if (Object.keys(placed).length === 0) {
    notifyError(error);
    return false;
  }
  form.setErrors(placed);
  focusFirstError();
  if (Object.keys(unplaced).length > 0) notifyError(error);
  return true;
}
