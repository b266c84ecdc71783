// Pure rules for the server's field errors on a form (no DOM, no notifications: unit-tested).

/**
 * Where the server's field errors (dotted JSON paths such as `guarantor.name`, `units.2.title`, `aliases.1`
 * or `skills`) go on a form. A path lands on the deepest part of the form values it reaches; a list of plain
 * values (tags) takes the errors of its items itself. `renames` maps the API's names to the form's where
 * they differ.
 */
export function placeFieldErrors(
  values: object,
  fields: Record<string, string>,
  renames: Record<string, string> = {},
): { placed: Record<string, string>; unplaced: Record<string, string> } {
  const placed: Record<string, string> = {};
  const unplaced: Record<string, string> = {};
  for (const [rawPath, message] of Object.entries(fields)) {
    const path = renamed(rawPath, renames);
    const target = reachablePath(values, path);
    if (target === null) unplaced[rawPath] = message;
    else if (placed[target] === undefined) placed[target] = message;
  }
  return { placed, unplaced };
}

function renamed(path: string, renames: Record<string, string>): string {
  for (const [from, to] of Object.entries(renames)) {
    if (path === from) return to;
    if (path.startsWith(`${from}.`)) return to + path.slice(from.length);
  }
  return path;
}

/** The path itself when the values hold it; the list when it is an item of a list of plain values. */
function reachablePath(values: object, path: string): string | null {
  const segments = path.split('.');
  let value: unknown = values;
  const walked: string[] = [];
  for (const segment of segments) {
    if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) {
      return walked.length > 0 ? walked.join('.') : null;
    }
    if (value === null || typeof value !== 'object' || !(segment in value)) return null;
    value = (value as Record<string, unknown>)[segment];
    walked.push(segment);
  }
  return walked.join('.');
}

/** A 409 that says the record changed since it was read (optimistic concurrency), not another conflict. */
export function isStaleVersion(error: { status: number; code: string } | null | undefined): boolean {
  if (error?.status !== 409) return false;
  return error.code === 'VERSION_CONFLICT' || error.code.endsWith('_CHANGED');
}
