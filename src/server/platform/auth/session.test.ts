import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createSessions } from './session.ts';

const session = (userId: string) =>
  ({
    sessionId: `s-${userId}`,
    userId,
    lastSeenAt: new Date(),
    expiresAt: new Date(Date.now() + 3_600_000),
  }) as never;

afterEach(() => vi.useRealTimers());

describe('session cache', () => {
  it('keeps a session for SESSION_CACHE_SECONDS, then reads it again', () => {
    vi.useFakeTimers();
    const { cache } = createSessions(loadConfig({ SESSION_CACHE_SECONDS: '5' }));
    cache.set('a', session('u1'));
    vi.advanceTimersByTime(4_900);
    expect(cache.get('a')).toBeDefined();
    vi.advanceTimersByTime(200);
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets every session of a user at once, and keeps nothing when disabled', () => {
    const { cache } = createSessions(loadConfig({}));
    cache.set('a', session('u1'));
    cache.set('b', session('u1'));
    cache.set('c', session('u2'));
    cache.forgetUser('u1');
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, undefined]);
    expect(cache.get('c')).toBeDefined();
    const disabled = createSessions(loadConfig({ SESSION_CACHE_SECONDS: '0' })).cache;
    disabled.set('a', session('u1'));
    expect(disabled.get('a')).toBeUndefined();
  });
});
