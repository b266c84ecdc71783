import { defineConfig } from 'vitest/config';

// Unit tests (*.test.ts) run once; integration tests (*.int.test.ts) run on the embedded database
// always, and again on PostgreSQL whenever TEST_DATABASE_URL or DATABASE_URL is set.
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const integration = ['src/**/*.int.test.ts', 'tests/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['tests/support/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: integration } },
      { extends: true, test: { name: 'pglite', include: integration, env: { TEST_DB: 'pglite' } } },
      ...(postgresUrl
        ? [
            {
              extends: true,
              test: {
                name: 'postgresql',
                include: integration,
                env: { TEST_DB: 'postgresql', TEST_DATABASE_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
