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
  it('does not keep a session read before a change that was forgotten while the read was under way', () => {
    const { cache } = createSessions(loadConfig({}));
    const before = cache.generation();
    cache.forgetUser('u1');
    cache.set('a', session('u1'), before);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', session('u1'), cache.generation());
    expect(cache.get('a')).toBeDefined();
  });

  it('keeps a session for SESSION_CACHE_SECONDS, then reads it again', () => {
    vi.useFakeTimers();
    const { cache } = createSessions(loadConfig({ SESSION_CACHE_SECONDS: '5' }));
    cache.set('a', session('u1'), cache.generation());
    vi.advanceTimersByTime(4_900);
    expect(cache.get('a')).toBeDefined();
    vi.advanceTimersByTime(200);
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets every session of a user at once, and keeps nothing when disabled', () => {
    const { cache } = createSessions(loadConfig({}));
    cache.set('a', session('u1'), cache.generation());
    cache.set('b', session('u1'), cache.generation());
    cache.set('c', session('u2'), cache.generation());
    cache.forgetUser('u1');
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, undefined]);
    expect(cache.get('c')).toBeDefined();
    const disabled = createSessions(loadConfig({ SESSION_CACHE_SECONDS: '0' })).cache;
    disabled.set('a', session('u1'), disabled.generation());
    expect(disabled.get('a')).toBeUndefined();
  });
});
