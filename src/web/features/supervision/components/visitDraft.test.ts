import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  type DraftStorage,
  draftKey,
  isRetryable,
  isUntouched,
  loadDraft,
  newDraft,
  parseDraft,
  pendingDraftPersonIds,
  pruneDrafts,
  randomUuid,
  removeUserDrafts,
  saveDraft,
  toSessionRequest,
} from './visitDraft.ts';

/** localStorage as a Map; `failWrites` makes every write throw (a full or blocked storage). */
function memoryStorage(failWrites = false): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (failWrites) throw new Error('QuotaExceededError');
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
  };
}

const PERSON = '0b7a1f8e-8c1d-4c53-9a36-2f1f9d6a8b10';
const OTHER = '9d2c4a61-1e0f-4f4e-8b5c-7a3e2d1c0b9a';
const KEY = 'c1c5d8a2-3b4e-4f60-8a7b-9c0d1e2f3a4b';
const TODAY = '2026-11-29';
const USER = '5e3f1a2b-7c8d-4e9f-8a0b-1c2d3e4f5a6b';
const COLLEAGUE = '6f4a2b3c-8d9e-4f0a-9b1c-2d3e4f5a6b7c';
const MINE = { userId: USER, personId: PERSON };
const OTHERS = { userId: USER, personId: OTHER };

describe('visit drafts on the device', () => {
  it('starts as a reporting visit at Bapas today, with no outcome chosen and the given key', () => {
    const draft = newDraft(TODAY, KEY, new Date('2026-11-29T03:00:00Z'));
    expect(draft).toEqual({
      clientKey: KEY,
      values: {
        kind: 'reporting_visit',
        placeKind: 'bapas',
        place: '',
        heldOn: TODAY,
        outcome: null,
        notes: '',
        nextSteps: '',
      },
      pending: false,
      savedAt: '2026-11-29T03:00:00.000Z',
      failedAt: null,
    });
    expect(isUntouched(draft, TODAY)).toBe(true);
  });

  it('keeps a colleague on the same device away from the draft', () => {
    const storage = memoryStorage();
    saveDraft(storage, MINE, newDraft(TODAY, KEY));
    expect(loadDraft(storage, { userId: COLLEAGUE, personId: PERSON })).toBeNull();
  });

  it('keeps a draft per client and gives it back unchanged after a reload', () => {
    const storage = memoryStorage();
    const draft = newDraft(TODAY, KEY);
    draft.values.outcome = 'missed';
    draft.values.notes = 'Tidak datang, telepon tidak aktif';
    expect(saveDraft(storage, MINE, draft)).toBe(true);
    expect(storage.data.has(draftKey(MINE))).toBe(true);
    expect(loadDraft(storage, MINE)).toEqual(draft);
    expect(loadDraft(storage, OTHERS)).toBeNull();
    expect(isUntouched(draft, TODAY)).toBe(false);
  });

  it('keeps the same client key when the draft is changed and saved again', () => {
    const storage = memoryStorage();
    const draft = newDraft(TODAY, KEY);
    saveDraft(storage, MINE, draft);
    const changed = { ...draft, values: { ...draft.values, place: 'Pos lapor Kelurahan' } };
    saveDraft(storage, MINE, changed);
    expect(loadDraft(storage, MINE)?.clientKey).toBe(KEY);
    expect(loadDraft(storage, MINE)?.values.place).toBe('Pos lapor Kelurahan');
  });

  it('clears the draft only for that client', () => {
    const storage = memoryStorage();
    saveDraft(storage, MINE, newDraft(TODAY, KEY));
    saveDraft(storage, OTHERS, newDraft(TODAY, KEY));
    clearDraft(storage, MINE);
    expect(loadDraft(storage, MINE)).toBeNull();
    expect(loadDraft(storage, OTHERS)).not.toBeNull();
  });

  it('lists the clients whose visit waits to be sent', () => {
    const storage = memoryStorage();
    saveDraft(storage, MINE, { ...newDraft(TODAY, KEY), pending: true });
    saveDraft(storage, OTHERS, newDraft(TODAY, KEY));
    storage.setItem('sinergi.language', 'id');
    expect(pendingDraftPersonIds(storage, USER)).toEqual([PERSON]);
    expect(pendingDraftPersonIds(storage, COLLEAGUE)).toEqual([]);
  });

  it('treats malformed or foreign data as no draft', () => {
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft('not json')).toBeNull();
    expect(parseDraft('42')).toBeNull();
    expect(parseDraft(JSON.stringify({ clientKey: 'abc', values: {} }))).toBeNull();
    const wrongKind = { ...newDraft(TODAY, KEY), values: { ...newDraft(TODAY, KEY).values, kind: 'party' } };
    expect(parseDraft(JSON.stringify(wrongKind))).toBeNull();
    // Fields that are only odd are cleaned, not thrown away with the officer's notes.
    const odd = {
      ...newDraft(TODAY, KEY),
      values: { ...newDraft(TODAY, KEY).values, heldOn: '29/11/2026', outcome: 'maybe', notes: 'Hadir' },
    };
    expect(parseDraft(JSON.stringify(odd))?.values).toMatchObject({
      heldOn: '',
      outcome: null,
      notes: 'Hadir',
    });
  });

  it('works without storage and survives a storage that refuses writes', () => {
    expect(loadDraft(null, MINE)).toBeNull();
    expect(saveDraft(null, MINE, newDraft(TODAY, KEY))).toBe(false);
    expect(pendingDraftPersonIds(null, USER)).toEqual([]);
    expect(() => clearDraft(null, MINE)).not.toThrow();
    expect(saveDraft(memoryStorage(true), MINE, newDraft(TODAY, KEY))).toBe(false);
  });

  it('sends again only what may succeed later: no answer, timeouts, rate limits and server faults', () => {
    expect(isRetryable({ status: 0 })).toBe(true);
    expect(isRetryable({ status: 503 })).toBe(true);
    expect(isRetryable({ status: 500 })).toBe(true);
    expect(isRetryable({ status: 429 })).toBe(true);
    expect(isRetryable({ status: 408 })).toBe(true);
    expect(isRetryable(null)).toBe(true);
    expect(isRetryable({ status: 400 })).toBe(false);
    expect(isRetryable({ status: 403 })).toBe(false);
    expect(isRetryable({ status: 404 })).toBe(false);
    expect(isRetryable({ status: 409 })).toBe(false);
  });

  it('turns a draft into the request, trimmed, once the outcome is chosen', () => {
    const draft = newDraft(TODAY, KEY);
    expect(toSessionRequest(draft)).toBeNull();
    draft.values = {
      ...draft.values,
      kind: 'home_visit',
      placeKind: 'home',
      place: '  ',
      outcome: 'attended',
      notes: ' Sehat, bekerja di warung ',
      nextSteps: '',
    };
    expect(toSessionRequest(draft)).toEqual({
      clientKey: KEY,
      kind: 'home_visit',
      placeKind: 'home',
      place: null,
      heldOn: TODAY,
      outcome: 'attended',
      notes: 'Sehat, bekerja di warung',
      nextSteps: null,
    });
  });

  it('makes a v4 uuid also where crypto.randomUUID is missing (plain http)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const insecure = { getRandomValues: crypto.getRandomValues.bind(crypto) };
    const first = randomUuid(insecure);
    expect(first).toMatch(uuid);
    expect(randomUuid(insecure)).not.toBe(first);
    expect(randomUuid()).toMatch(uuid);
  });
});

describe('draft cleanup', () => {
  const NOW = new Date('2026-11-29T10:00:00Z');
  const at = (iso: string) => newDraft(TODAY, KEY, new Date(iso));

  it('removes every draft of the user on sign-out, pending or not, and leaves a colleague’s and other data', () => {
    const storage = memoryStorage();
    saveDraft(storage, MINE, { ...at('2026-11-29T09:00:00Z'), pending: true });
    saveDraft(storage, OTHERS, at('2026-11-29T09:00:00Z'));
    saveDraft(
      storage,
      { userId: COLLEAGUE, personId: PERSON },
      { ...at('2026-11-29T09:00:00Z'), pending: true },
    );
    storage.setItem('sinergi.signedIn', '1');
    expect(removeUserDrafts(storage, USER)).toBe(2);
    expect(loadDraft(storage, MINE)).toBeNull();
    expect(loadDraft(storage, OTHERS)).toBeNull();
    expect(pendingDraftPersonIds(storage, COLLEAGUE)).toEqual([PERSON]);
    expect(storage.getItem('sinergi.signedIn')).toBe('1');
    expect(removeUserDrafts(storage, USER)).toBe(0);
    expect(removeUserDrafts(null, USER)).toBe(0);
  });

  it('drops drafts last changed more than 7 days ago (any user’s, even pending) and unreadable ones', () => {
    const storage = memoryStorage();
    saveDraft(storage, MINE, { ...at('2026-11-22T09:59:00Z'), pending: true }); // 7 days and a minute
    saveDraft(storage, OTHERS, at('2026-11-22T10:01:00Z')); // a minute under 7 days
    saveDraft(storage, { userId: COLLEAGUE, personId: PERSON }, at('2026-10-01T08:00:00Z'));
    storage.setItem(draftKey({ userId: COLLEAGUE, personId: OTHER }), 'not json');
    storage.setItem('sinergi.signedIn', '1');
    expect(pruneDrafts(storage, NOW)).toBe(3);
    expect(loadDraft(storage, MINE)).toBeNull();
    expect(loadDraft(storage, OTHERS)?.savedAt).toBe('2026-11-22T10:01:00.000Z');
    expect(storage.getItem('sinergi.signedIn')).toBe('1');
    expect(storage.data.size).toBe(2);
    expect(pruneDrafts(null, NOW)).toBe(0);
  });

  it('removes nothing when the storage cannot be read', () => {
    const storage = memoryStorage();
    saveDraft(storage, MINE, at('2026-01-01T00:00:00Z'));
    const blocked: DraftStorage = {
      ...storage,
      get length(): number {
        throw new Error('SecurityError');
      },
      key: storage.key,
    };
    expect(pruneDrafts(blocked, NOW)).toBe(0);
    expect(removeUserDrafts(blocked, USER)).toBe(0);
  });
});
