import path from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { scheduleBackups } from './db/backup.ts';
import { openDatabase } from './db/connect.ts';
import { DataDirLockedError, lockDataDir } from './db/lock.ts';
import { prepareDatabase } from './db/setup.ts';
import { scheduleExpiryReminders } from './modules/agreements/agreements.reminders.ts';
import { scheduleSessionSweep } from './platform/auth/session.ts';

// Listen and signals only: everything else is wired in buildApp.

// The data folder, its lock and its backups hold sensitive personal data: readable by this account only.
process.umask(0o077);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

let releaseLock = () => {};
if (config.database.kind === 'embedded') {
  try {
    releaseLock = lockDataDir(config.database.dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }
}

const database = await openDatabase(config.database, {
  onIdleError: (error) => console.warn(`PostgreSQL connection lost while idle: ${error.message}`),
});
const { migrations, demoSeeded, demoRefused } = await prepareDatabase(database.db, { demo: config.demo });
const app = await buildApp({ config, database });
app.log.info(
  { database: database.kind, migrations, demoSeeded },
  config.database.kind === 'embedded'
    ? `embedded database in ${config.database.dataDir}`
    : 'PostgreSQL database',
);
if (demoRefused) {
  app.log.warn('Demo data NOT seeded: this database was first started for real use (NODE_ENV=production).');
} else if (config.demo) {
  app.log.warn(
    'DEMO mode: demo accounts with the published password "sinergi-demo" exist. For real data set NODE_ENV=production (and SESSION_SECRET) on a fresh database.',
  );
}
await app.listen({ port: config.port, host: config.host });

const stopSweep = scheduleSessionSweep(database.db, config.sessionIdleMinutes, app.log);
// Agreements ending within 90 / 30 days: reminders now and hourly (idempotent).
const stopReminders = scheduleExpiryReminders(database.db, app.log);
let stopBackups = () => {};
if (config.database.kind === 'embedded' && config.backup.intervalHours > 0) {
  stopBackups = scheduleBackups(database, {
    folder: path.join(config.database.dataDir, 'backups'),
    hours: config.backup.intervalHours,
    keep: config.backup.keep,
    documentsDir: config.documentsDir,
    log: app.log,
  });
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) {
    app.log.warn(`${signal} again: exiting now`);
    process.exit(1);
  }
  stopping = true;
  app.log.info(`${signal}: no longer accepting connections, finishing requests in flight`);
  stopBackups();
  stopSweep();
  // Ends the schedule now; a run in progress stops before its next agreement, awaited before the database closes.
  const remindersStopped = stopReminders();
  try {
    await app.close();
    await remindersStopped;
    await database.close();
  } finally {
    releaseLock();
  }
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
