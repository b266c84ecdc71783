import pg from 'pg';

/** The URL with its password hidden, for output. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

async function withClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  name: string;
  /** The admin URL pointed at the new database (same credentials, host and options). */
  url: string;
  serverVersion: string;
}

/** Creates an empty database `sinergi_bench_<timestamp>` on the server of `adminUrl`. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('T', '_')
    .replace('.', '_')
    .slice(0, 19);
  const name = `sinergi_bench_${stamp.toLowerCase()}`;
  const serverVersion = await withClient(adminUrl, async (client) => {
    await client.query(`CREATE DATABASE "${name}"`);
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), serverVersion };
}

/** Drops the bench database, closing any connection still open to it (PostgreSQL 13+). */
export async function dropBenchDatabase(adminUrl: string, name: string) {
  if (!/^sinergi_bench_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to drop ${name}`);
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
