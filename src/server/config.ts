import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const DEV_SESSION_SECRET = 'sinergi-development-secret-not-for-production';

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEMO: booleanFlag.optional(),
    PUBLIC_URL: z.url().optional(),
    // 0/1, a number of proxy hops, or the proxies' addresses/CIDRs separated by commas.
    TRUST_PROXY: z
      .string()
      .regex(
        /^(0|1|true|false|\d+|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/,
        'must be 0, 1, a hop count or a list of addresses',
      )
      .default('0')
      .transform((value): boolean | number | string[] => {
        if (value === '0' || value === 'false') return false;
        // "1" means the one proxy in front, not every address in X-Forwarded-For (which a client can forge).
        if (value === 'true') return 1;
        if (/^\d+$/.test(value)) return Number(value);
        return value.split(',');
      }),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 7)
      .default(12),
    SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    BACKUP_INTERVAL_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 30)
      .default(24),
    BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(14),
    // Uploaded documents of people; default DATA_DIR/documents (also when the database is PostgreSQL).
    DOCUMENTS_DIR: z.string().min(1).optional(),
    // Optional e-mail of notifications: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must start with smtp:// or smtps://')
      .optional(),
    // The sender, e.g. "Sinergi <sinergi@bapas.example>"; required with SMTP_URL (and so is PUBLIC_URL).
    SMTP_FROM: z.string().min(3).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required when NODE_ENV=production',
      });
    }
    if (env.SMTP_URL && !env.SMTP_FROM) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'is required when SMTP_URL is set' });
    }
    if (env.SMTP_FROM && !env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required when SMTP_FROM is set' });
    }
    // The e-mail's only content is a link to the notifications page: it must be absolute to work in a mail client.
    if (env.SMTP_URL && !env.PUBLIC_URL) {
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is required when SMTP_URL is set' });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: 'postgresql'; url: string } | { kind: 'embedded'; dataDir: string };
  sessionSecret: string;
  logLevel: string;
  /** Seed demo data (and demo accounts) on first start. Never in production unless DEMO=1. */
  demo: boolean;
  publicUrl: string | null;
  /** Fastify's trustProxy: which X-Forwarded-For hops to believe for the client address. */
  trustProxy: boolean | number | string[];
  /** Cookies get `Secure` when the public address is https. */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** How long a session read from the database is reused before it is read again (0: every request). */
  sessionCacheSeconds: number;
  /** Embedded mode: back up the data folder every so many hours into DATA_DIR/backups (0: never). */
  backup: { intervalHours: number; keep: number };
  /** Folder of uploaded documents (files named by random keys, owner-only permissions). */
  documentsDir: string;
  /** E-mail of notifications (after the change commits, no personal data); null: in-app only. */
  mail: { url: string; from: string } | null;
}

export class ConfigError extends Error {}

const SECRET_VARIABLES = new Set(['SESSION_SECRET', 'DATABASE_URL', 'SMTP_URL']);

/** Parse the environment; throws ConfigError with one line naming the bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    // Echo the bad value to help the operator, except where it may carry a secret.
    const value = raw[name];
    const shown = value === undefined || SECRET_VARIABLES.has(name) ? '' : ` (got "${value}")`;
    throw new ConfigError(`Configuration error: ${name} ${issue?.message ?? 'is invalid'}${shown}`);
  }
  const env = parsed.data;
  const publicUrl = env.PUBLIC_URL ?? null;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL
      ? { kind: 'postgresql', url: env.DATABASE_URL }
      : { kind: 'embedded', dataDir: path.resolve(env.DATA_DIR) },
    sessionSecret: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    logLevel: env.LOG_LEVEL,
    demo: env.DEMO ?? env.NODE_ENV !== 'production',
    publicUrl,
    trustProxy: env.TRUST_PROXY,
    secureCookies: publicUrl?.startsWith('https://') ?? false,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
    sessionCacheSeconds: env.SESSION_CACHE_SECONDS,
    backup: { intervalHours: env.BACKUP_INTERVAL_HOURS, keep: env.BACKUP_KEEP },
    documentsDir: path.resolve(env.DOCUMENTS_DIR ?? path.join(env.DATA_DIR, 'documents')),
    mail: env.SMTP_URL && env.SMTP_FROM ? { url: env.SMTP_URL, from: env.SMTP_FROM } : null,
  };
}
