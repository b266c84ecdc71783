// The visit form's draft, kept on the device (localStorage) until the server has accepted the visit. Pure
// rules, no React and no DOM: the storage is passed in, so they are unit-tested.

import {
  type RecordSessionRequest,
  SESSION_OUTCOMES,
  type SessionOutcome,
  SUPERVISION_KINDS,
  SUPERVISION_PLACE_KINDS,
  type SupervisionKind,
  type SupervisionPlaceKind,
} from '../../../../shared/supervision.ts';

/** What the form holds: the values an officer types, as the API takes them (dates `yyyy-mm-dd`). */
export interface VisitValues {
  kind: SupervisionKind;
  placeKind: SupervisionPlaceKind;
  place: string;
  heldOn: string;
  outcome: SessionOutcome | null;
  notes: string;
  nextSteps: string;
}

/**
 * A visit on this device. `clientKey` stays the same from the first keystroke to the server's answer, so
 * sending it again (after a lost answer) records it once. `pending` once it was submitted and not accepted
 * (offline, network error, server error): it is then sent again when the browser is back online.
 */
export interface VisitDraft {
  clientKey: string;
  values: VisitValues;
  pending: boolean;
  /** When it was last changed on the device (ISO time). */
  savedAt: string;
  /** When it was last tried and failed (ISO time), or null. */
  failedAt: string | null;
}

/** The part of the Web Storage API the drafts use (localStorage in the browser, a Map in tests). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = 'sinergi.visitDraft.';

/**
 * Whose draft: the signed-in user's, for one client. Keyed by both, so a colleague signing in on the same
 * device never sees (or sends) another officer's unsent visit.
 */
export interface DraftOwner {
  userId: string;
  personId: string;
}

/** One draft per user and client: the storage key of her draft. */
export function draftKey(owner: DraftOwner): string {
  return `${PREFIX}${owner.userId}.${owner.personId}`;
}

/** A fresh draft: a reporting visit at Bapas today, outcome not chosen yet, with a new key. */
export function newDraft(today: string, clientKey: string, now: Date = new Date()): VisitDraft {
  return {
    clientKey,
    values: {
      kind: 'reporting_visit',
      placeKind: 'bapas',
      place: '',
      heldOn: today,
      outcome: null,
      notes: '',
      nextSteps: '',
    },
    pending: false,
    savedAt: now.toISOString(),
    failedAt: null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isOneOf<T extends string>(codes: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (codes as readonly string[]).includes(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A stored draft read back; anything malformed (an old format, a hand-edited value) counts as none. */
export function parseDraft(raw: string | null): VisitDraft | null {
  if (!raw) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const draft = data as Record<string, unknown>;
  const values = draft.values as Record<string, unknown> | undefined;
  if (typeof draft.clientKey !== 'string' || !UUID.test(draft.clientKey)) return null;
  if (typeof values !== 'object' || values === null) return null;
  if (!isOneOf(SUPERVISION_KINDS, values.kind) || !isOneOf(SUPERVISION_PLACE_KINDS, values.placeKind))
    return null;
  return {
    clientKey: draft.clientKey,
    values: {
      kind: values.kind,
      placeKind: values.placeKind,
      place: text(values.place),
      heldOn: typeof values.heldOn === 'string' && ISO_DATE.test(values.heldOn) ? values.heldOn : '',
      outcome: isOneOf(SESSION_OUTCOMES, values.outcome) ? values.outcome : null,
      notes: text(values.notes),
      nextSteps: text(values.nextSteps),
    },
    pending: draft.pending === true,
    savedAt: text(draft.savedAt),
    failedAt: typeof draft.failedAt === 'string' ? draft.failedAt : null,
  };
}

/** Her draft on this device, or null. Storage that cannot be read (blocked, private mode) holds none. */
export function loadDraft(storage: DraftStorage | null, owner: DraftOwner): VisitDraft | null {
  if (!storage) return null;
  try {
    return parseDraft(storage.getItem(draftKey(owner)));
  } catch {
    return null;
  }
}

/** Keeps the draft; false when the device refused (storage full or blocked): the form then warns. */
export function saveDraft(storage: DraftStorage | null, owner: DraftOwner, draft: VisitDraft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(draftKey(owner), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: DraftStorage | null, owner: DraftOwner): void {
  try {
    storage?.removeItem(draftKey(owner));
  } catch {
    // Nothing to clear on a device that stores nothing.
  }
}

/** The user's clients with a visit waiting on this device to be sent (for the caseload's reminder). */
export function pendingDraftPersonIds(storage: DraftStorage | null, userId: string): string[] {
  if (!storage) return [];
  const prefix = `${PREFIX}${userId}.`;
  const ids: string[] = [];
  try {
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (!key?.startsWith(prefix)) continue;
      const draft = parseDraft(storage.getItem(key));
      if (draft?.pending) ids.push(key.slice(prefix.length));
    }
  } catch {
    return ids;
  }
  return ids.sort();
}

/** The storage keys of every draft on this device (all users'), read before any is removed. */
function draftKeys(storage: DraftStorage, prefix: string = PREFIX): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/**
 * Removes every draft of the user on this device, sent or not (on sign-out: the notes about her clients
 * must not stay behind for the next person using the browser). Returns how many were removed.
 */
export function removeUserDrafts(storage: DraftStorage | null, userId: string): number {
  if (!storage) return 0;
  try {
    const keys = draftKeys(storage, `${PREFIX}${userId}.`);
    for (const key of keys) storage.removeItem(key);
    return keys.length;
  } catch {
    return 0;
  }
}

/** How long a draft is kept on the device after its last change. */
export const DRAFT_MAX_AGE_DAYS = 7;

/**
 * Removes the drafts (of any user of this device) last changed more than `maxAgeDays` ago, pending or not,
 * and any that cannot be read: run whenever drafts are loaded. Returns how many were removed.
 */
export function pruneDrafts(
  storage: DraftStorage | null,
  now: Date = new Date(),
  maxAgeDays: number = DRAFT_MAX_AGE_DAYS,
): number {
  if (!storage) return 0;
  const oldest = now.getTime() - maxAgeDays * 24 * 60 * 60 * 1000;
  try {
    const stale = draftKeys(storage).filter((key) => {
      const savedAt = Date.parse(parseDraft(storage.getItem(key))?.savedAt ?? '');
      return Number.isNaN(savedAt) || savedAt < oldest;
    });
    for (const key of stale) storage.removeItem(key);
    return stale.length;
  } catch {
    return 0;
  }
}

/**
 * Whether a failed send should stay on the device and be sent again later: no answer (offline, network,
 * status 0), a timeout or rate limit, or a server fault (5xx). A refusal (400, 403, 404, 409) will not
 * change by sending again: the officer must correct the form (or the visit cannot be recorded).
 */
export function isRetryable(error: { status: number } | null | undefined): boolean {
  if (!error) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** Whether the draft holds anything worth keeping (an untouched new form is not kept). */
export function isUntouched(draft: VisitDraft, today: string): boolean {
  const fresh = newDraft(today, draft.clientKey).values;
  const values = draft.values;
  return (
    !draft.pending &&
    values.kind === fresh.kind &&
    values.placeKind === fresh.placeKind &&
    values.place.trim() === '' &&
    values.heldOn === fresh.heldOn &&
    values.outcome === null &&
    values.notes.trim() === '' &&
    values.nextSteps.trim() === ''
  );
}

/** The request for the server; null while the outcome is not chosen (the form asks for it first). */
export function toSessionRequest(draft: VisitDraft): RecordSessionRequest | null {
  const { values } = draft;
  if (!values.outcome || !values.heldOn) return null;
  return {
    clientKey: draft.clientKey,
    kind: values.kind,
    placeKind: values.placeKind,
    place: values.place.trim() || null,
    heldOn: values.heldOn,
    outcome: values.outcome,
    notes: values.notes.trim() || null,
    nextSteps: values.nextSteps.trim() || null,
  };
}

/**
 * A random v4 uuid. `crypto.randomUUID` exists only on secure pages (https, localhost); a Bapas office
 * reaching the server over plain http on its network still has `crypto.getRandomValues`.
 */
export function randomUuid(
  source: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto,
): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
