import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { RecordSessionResponse } from '../../../../shared/supervision.ts';
import { isApiError } from '../../../lib/api.ts';
import { todayIso } from '../../people/components/dates.ts';
import { sendSession } from '../api/supervision.ts';
import {
  clearDraft,
  type DraftOwner,
  type DraftStorage,
  isRetryable,
  isUntouched,
  loadDraft,
  newDraft,
  pendingDraftPersonIds,
  pruneDrafts,
  randomUuid,
  saveDraft,
  toSessionRequest,
  type VisitDraft,
  type VisitValues,
} from './visitDraft.ts';

/** How often a waiting visit is tried again while the page is open (besides the online event). */
const RETRY_MS = 30_000;

/** localStorage, or null where the browser blocks it (then the form still works, without a draft). */
function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The device's drafts, without those too old to keep (see pruneDrafts): how every load starts. */
function draftStorage(): DraftStorage | null {
  const storage = browserStorage();
  pruneDrafts(storage);
  return storage;
}

/** How many of the user's visits wait on this device to be sent (asked before signing out). */
export function pendingVisitCount(userId: string): number {
  return pendingDraftPersonIds(draftStorage(), userId).length;
}

function subscribeOnline(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

/** Whether the browser believes it is connected (true on the server render, where there is no navigator). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

export type SendResult =
  | { kind: 'accepted'; response: RecordSessionResponse }
  /** Kept on the device to be sent again (offline, network error, server fault). */
  | { kind: 'pending'; error: unknown }
  /** Refused by the server (bad input, no access): the officer corrects the form; the draft stays. */
  | { kind: 'refused'; error: unknown };

interface Options {
  /** Called after the server accepted a visit (also one sent again automatically). */
  onAccepted: (response: RecordSessionResponse) => void;
  /** Called when the server refused an automatic resend (the form shows the field errors). */
  onRefused?: (error: unknown) => void;
}

/**
 * The visit form's draft for one client, kept in localStorage on every change and restored on reload. A
 * submitted visit stays on the device until the server accepted it: sent again with the same clientKey
 * when the browser comes back online (or the page is opened again online), so a lost answer never records
 * it twice. Cleared only after the server's acceptance.
 */
export function useVisitDraft(owner: DraftOwner, options: Options) {
  const { personId, userId } = owner;
  const storage = useRef<DraftStorage | null>(null);
  if (storage.current === null) storage.current = draftStorage();
  const [initial] = useState(() => {
    const stored = loadDraft(storage.current, { userId, personId });
    return {
      draft: stored ?? newDraft(todayIso(), randomUuid()),
      restored: stored !== null && !isUntouched(stored, todayIso()),
    };
  });
  const [draft, setDraft] = useState<VisitDraft>(initial.draft);
  const [storageOk, setStorageOk] = useState(true);
  const [sending, setSending] = useState(false);
  const online = useOnline();
  // The latest draft and callbacks for the event handlers (the online event, the automatic resend).
  const draftRef = useRef(draft);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const sendingRef = useRef(false);

  const keep = useCallback(
    (next: VisitDraft) => {
      draftRef.current = next;
      setDraft(next);
      if (isUntouched(next, todayIso())) {
        clearDraft(storage.current, { userId, personId });
        setStorageOk(true);
      } else {
        setStorageOk(saveDraft(storage.current, { userId, personId }, next));
      }
    },
    [personId, userId],
  );

  /** Every change of the form: kept on the device at once. */
  const update = useCallback(
    (values: VisitValues) => keep({ ...draftRef.current, values, savedAt: new Date().toISOString() }),
    [keep],
  );

  /** Sends the draft (with the values given, else the kept ones) once; never two sends at the same time. */
  const send = useCallback(
    async (values?: VisitValues): Promise<SendResult | null> => {
      if (sendingRef.current) return null;
      const current: VisitDraft = values ? { ...draftRef.current, values } : draftRef.current;
      const request = toSessionRequest(current);
      if (!request) return null;
      sendingRef.current = true;
      setSending(true);
      // Pending from now: if the page closes while the answer is on its way, it is sent again next time.
      keep({ ...current, pending: true });
      try {
        const response = await sendSession(personId, request);
        clearDraft(storage.current, { userId, personId });
        const fresh = newDraft(todayIso(), randomUuid());
        draftRef.current = fresh;
        setDraft(fresh);
        setStorageOk(true);
        optionsRef.current.onAccepted(response);
        return { kind: 'accepted', response };
      } catch (error) {
        if (isRetryable(isApiError(error) ? error : null)) {
          keep({ ...draftRef.current, pending: true, failedAt: new Date().toISOString() });
          return { kind: 'pending', error };
        }
        keep({ ...draftRef.current, pending: false, failedAt: null });
        return { kind: 'refused', error };
      } finally {
        sendingRef.current = false;
        setSending(false);
      }
    },
    [keep, personId, userId],
  );

  /** Sends a waiting visit again by itself: when back online, and when the page opens online. */
  const resendPending = useCallback(async () => {
    if (!draftRef.current.pending || !navigator.onLine) return;
    const result = await send();
    if (result?.kind === 'refused') optionsRef.current.onRefused?.(result.error);
  }, [send]);

  useEffect(() => {
    const onOnline = () => void resendPending();
    window.addEventListener('online', onOnline);
    // The online event can come before the network really works: try again now and then meanwhile.
    const timer = window.setInterval(onOnline, RETRY_MS);
    void resendPending();
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [resendPending]);

  /** Throws the draft away (the officer's choice); a new, empty one with a new key takes its place. */
  const discard = useCallback(() => {
    clearDraft(storage.current, { userId, personId });
    const fresh = newDraft(todayIso(), randomUuid());
    draftRef.current = fresh;
    setDraft(fresh);
    setStorageOk(true);
  }, [personId, userId]);

  return {
    draft,
    /** The form opened with a draft kept from before (a reload, or a visit not yet sent). */
    restored: initial.restored,
    /** false when the device refused to keep the draft (storage full or blocked). */
    storageOk,
    online,
    sending,
    update,
    send,
    discard,
  };
}

/**
 * Sends one stored, pending visit again (outside its form: from the caseload). Accepted → cleared; a
 * refusal → no longer pending (the officer opens the form to correct it); no answer → kept as it was.
 */
export async function resendStoredDraft(
  storage: DraftStorage | null,
  owner: DraftOwner,
): Promise<SendResult['kind'] | null> {
  const draft = loadDraft(storage, owner);
  const request = draft?.pending ? toSessionRequest(draft) : null;
  if (!draft || !request) return null;
  try {
    await sendSession(owner.personId, request);
    clearDraft(storage, owner);
    return 'accepted';
  } catch (error) {
    if (isRetryable(isApiError(error) ? error : null)) {
      saveDraft(storage, owner, { ...draft, failedAt: new Date().toISOString() });
      return 'pending';
    }
    saveDraft(storage, owner, { ...draft, pending: false, failedAt: null });
    return 'refused';
  }
}

/**
 * The user's visits waiting on this device (the caseload's reminder): sent again by themselves when the
 * page opens online and whenever the browser comes back online. `onSent(count)` after some were accepted.
 */
export function usePendingVisits(userId: string, onSent: (count: number) => void) {
  const [pending, setPending] = useState<string[]>(() => pendingDraftPersonIds(draftStorage(), userId));
  const [sending, setSending] = useState(false);
  const busy = useRef(false);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  const resendAll = useCallback(async () => {
    const storage = browserStorage();
    const ids = pendingDraftPersonIds(storage, userId);
    if (busy.current || ids.length === 0 || !navigator.onLine) return;
    busy.current = true;
    setSending(true);
    let sent = 0;
    try {
      for (const personId of ids) {
        if ((await resendStoredDraft(storage, { userId, personId })) === 'accepted') sent += 1;
      }
    } finally {
      busy.current = false;
      setSending(false);
      setPending(pendingDraftPersonIds(storage, userId));
    }
    if (sent > 0) onSentRef.current(sent);
  }, [userId]);

  useEffect(() => {
    const onOnline = () => void resendAll();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(onOnline, RETRY_MS);
    void resendAll();
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [resendAll]);

  return { pending, sending, resendAll };
}
