import { isApiError } from '../../../lib/api.ts';
import { notifyError } from '../../../lib/notify.ts';

interface FormLike {
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => object;
}

function hasPath(values: object, path: string): boolean {
  let value: unknown = values;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(segment in value)) return false;
    value = (value as Record<string, unknown>)[segment];
  }
  return true;
}

/** Moves the keyboard focus to the first field marked invalid, so the officer lands on what to fix. */
export function focusFirstError(): void {
  window.requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    field?.focus();
  });
}

/**
 * Puts the server's field errors (dotted paths such as `guarantor.name` or `skills.0.name`) on the matching
 * inputs, and conflict codes that belong to one field (`extra`) on that field. Anything else is a
 * notification. Returns whether something landed on a field.
 */
export function showServerErrors(
  form: FormLike,
  error: unknown,
  extra: Record<string, string> = {},
): boolean {
  if (!isApiError(error)) {
    notifyError(error);
    return false;
  }
  const values = form.getValues();
  const fields: Record<string, string> = { ...(error.fields ?? {}) };
  if (extra[error.code]) fields[extra[error.code] as string] = error.message;
  const matched = Object.fromEntries(Object.entries(fields).filter(([path]) => hasPath(values, path)));
  if (Object.keys(matched).length === 0) {
    notifyError(error);
    return false;
  }
  form.setErrors(matched);
  focusFirstError();
  if (Object.keys(matched).length < Object.keys(fields).length) notifyError(error);
  return true;
}
