import { defineConfig } from 'vitest/config';

// Browser journeys: the built web app (dist/web) served by the real server on an embedded database,
// driven through Debian's Chromium. One file at a time: each starts a server and a browser.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.ts'],
    setupFiles: ['tests/support/setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
