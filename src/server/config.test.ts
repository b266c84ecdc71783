import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on port 3000 with demo data outside production', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'embedded', dataDir: expect.stringMatching(/\/data$/) });
    expect(config.demo).toBe(true);
    expect(config.sessionIdleMinutes).toBe(30);
  });

  it('keeps uploaded documents in DATA_DIR/documents unless DOCUMENTS_DIR says otherwise, also with PostgreSQL', () => {
    expect(loadConfig({}).documentsDir).toMatch(/\/data\/documents$/);
    expect(loadConfig({ DATA_DIR: '/srv/sinergi' }).documentsDir).toBe('/srv/sinergi/documents');
    expect(
      loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sinergi', DATA_DIR: '/srv/s' })
        .documentsDir,
    ).toBe('/srv/s/documents');
    expect(loadConfig({ DOCUMENTS_DIR: '/mnt/berkas' }).documentsDir).toBe('/mnt/berkas');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sinergi' });
    expect(config.database).toEqual({
      kind: 'postgresql',
      url: 'postgres://postgres@127.0.0.1:5432/sinergi',
    });
  });

  it('refuses a bad value with one line naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/^Configuration error: PORT /);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:rahasia@x' })).toThrow(
      /DATABASE_URL must start with postgres/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:rahasia@x' })).not.toThrow(/rahasia/);
    expect(() => loadConfig({ SESSION_SECRET: 'rahasia' })).not.toThrow(/rahasia/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow('(got "70000")');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ DEMO: 'maybe' })).toThrow(/DEMO/);
  });

  it('requires SESSION_SECRET in production and keeps demo data off there unless DEMO=1', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /SESSION_SECRET is required when NODE_ENV=production/,
    );
    const secret = 'x'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret }).demo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, DEMO: '1' }).demo).toBe(true);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(
      /SESSION_SECRET must be at least 32 characters/,
    );
  });

  it('reads TRUST_PROXY as off, on, a hop count or a list of proxy addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1,192.168.0.0/16' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'semua' })).toThrow(
      /^Configuration error: TRUST_PROXY must be 0, 1/,
    );
  });

  it('marks cookies Secure when the public address is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://sinergi.example.go.id' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
  });

  it('e-mails notifications only when SMTP_URL and SMTP_FROM are both set, never echoing the SMTP address', () => {
    expect(loadConfig({}).mail).toBeNull();
    const site = { PUBLIC_URL: 'https://sinergi.example.go.id' };
    expect(
      loadConfig({
        ...site,
        SMTP_URL: 'smtp://sinergi:rahasia@mail.example:587',
        SMTP_FROM: 'Sinergi <s@example.id>',
      }).mail,
    ).toEqual({ url: 'smtp://sinergi:rahasia@mail.example:587', from: 'Sinergi <s@example.id>' });
    expect(() => loadConfig({ ...site, SMTP_URL: 'smtp://mail.example:25' })).toThrow(
      /SMTP_FROM is required when SMTP_URL is set/,
    );
    // The e-mail's link must be absolute: PUBLIC_URL is required with SMTP.
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example:25', SMTP_FROM: 'a@b.c' })).toThrow(
      /^Configuration error: PUBLIC_URL is required when SMTP_URL is set$/,
    );
    expect(() => loadConfig({ SMTP_FROM: 'sinergi@example.id' })).toThrow(
      /SMTP_URL is required when SMTP_FROM is set/,
    );
    expect(() => loadConfig({ ...site, SMTP_URL: 'http://user:rahasia@x', SMTP_FROM: 'a@b.c' })).toThrow(
      /SMTP_URL must start with smtp:\/\/ or smtps:\/\//,
    );
    expect(() => loadConfig({ ...site, SMTP_URL: 'http://user:rahasia@x', SMTP_FROM: 'a@b.c' })).not.toThrow(
      /rahasia/,
    );
  });
});
