import { type Config, ConfigError, loadConfig } from '../src/server/config.ts';
import { DataDirLockedError, lockDataDir } from '../src/server/db/lock.ts';

/** A refusal to print as one line (exit 1), without a stack trace. */
export class ScriptError extends Error {}

/**
 * Runs a maintenance script with the parsed configuration and, for the embedded database, the data-folder
 * lock held (the server must be stopped). Configuration, lock and ScriptError refusals print one line.
 */
export async function runScript(body: (config: Config) => Promise<void>): Promise<void> {
  // As the server: what these scripts write (backups, the database) is readable by this account only.
  process.umask(0o077);
  try {
    const config = loadConfig();
    const release = config.database.kind === 'embedded' ? lockDataDir(config.database.dataDir) : () => {};
    try {
      await body(config);
    } finally {
      release();
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof ScriptError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
