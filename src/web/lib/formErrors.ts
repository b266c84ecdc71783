import { isApiError } from './api.ts';
import { placeFieldErrors } from './fieldErrors.ts';
import { notifyError } from './notify.ts';

interface FormLike {
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => object;
}

/** Moves the keyboard focus to the first field marked invalid, so the officer lands on what to fix. */
export function focusFirstError(): void {
  window.requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(
      'form [aria-invalid="true"], [role="dialog"] [aria-invalid="true"]',
    );
    field?.focus();
  });
}

/**
 * Puts the server's field errors on the matching inputs (nested paths included), and error codes that
 * belong to one field (`codes`, e.g. `{ PERSON_NIK_TAKEN: 'nik' }`) on that field. Whatever has no field
 * becomes a notification. Returns whether something landed on a field.
 */
export function showServerErrors(
  form: FormLike,
  error: unknown,
  options: { codes?: Record<string, string>; renames?: Record<string, string> } = {},
): boolean {
  if (!isApiError(error)) {
    notifyError(error);
    return false;
  }
  const fields: Record<string, string> = { ...(error.fields ?? {}) };
  const codeField = options.codes?.[error.code];
  if (codeField) fields[codeField] = error.message;
  const { placed, unplaced } = placeFieldErrors(form.getValues(), fields, options.renames);
  if (Object.keys(placed).length === 0) {
    notifyError(error);
    return false;
  }
  form.setErrors(placed);
  focusFirstError();
  if (Object.keys(unplaced).length > 0) notifyError(error);
  return true;
}
