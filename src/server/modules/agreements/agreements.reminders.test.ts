import type { Kysely } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { scheduleExpiryReminders, type sendExpiryReminders } from './agreements.reminders.ts';

// The schedule's stop: it ends the schedule, aborts a run in progress (before its next agreement) and resolves
// only once that run is over, so main.ts can close the database after it without a run still querying it.

const db = {} as Kysely<Database>;

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('scheduleExpiryReminders', () => {
  it('runs at once; its stop aborts the run in progress and waits for it', async () => {
    const release = deferred();
    const signals: AbortSignal[] = [];
    const send = vi.fn<typeof sendExpiryReminders>(async (_db, _today, signal) => {
      if (signal) signals.push(signal);
      await release.promise;
      return { sent: 0 };
    });
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = scheduleExpiryReminders(db, log, { today: () => '2026-06-01', send });
    await Promise.resolve();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[1]).toBe('2026-06-01');

    let stopped = false;
    const stopping = stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(signals[0]?.aborted).toBe(true);
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;
    expect(stopped).toBe(true);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('runs every interval, never two at once, and not after the stop', async () => {
    vi.useFakeTimers();
    try {
      const send = vi.fn<typeof sendExpiryReminders>(async () => ({ sent: 1 }));
      const log = { info: vi.fn(), error: vi.fn() };
      const stop = scheduleExpiryReminders(db, log, { today: () => '2026-06-01', intervalMs: 1000, send });
      await vi.advanceTimersByTimeAsync(2500);
      expect(send).toHaveBeenCalledTimes(3);
      expect(log.info).toHaveBeenCalledWith({ sent: 1 }, 'agreement expiry reminders sent');
      await stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(send).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('logs a failed run and keeps the schedule', async () => {
    const send = vi.fn<typeof sendExpiryReminders>(async () => {
      throw new Error('pool ended');
    });
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = scheduleExpiryReminders(db, log, { today: () => '2026-06-01', send });
    await stop();
    expect(log.error).toHaveBeenCalledWith({ err: expect.any(Error) }, 'agreement expiry reminders failed');
  });
});
