import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { newJourneyPage } from '../pages/villages.ts';
import { type E2EBrowser, launchBrowser } from './browser.ts';
import { type E2EServer, startServer } from './server.ts';

/**
 * The set-up every journey file shares: one server and one browser for the file (started before its tests,
 * closed after them with every page opened), and `newPage()` for a fresh signed-out page at a given size.
 * Call it once at the top of the file; `server` is there once the tests run.
 */
export function journeyHooks() {
  let server: E2EServer | undefined;
  let browser: E2EBrowser | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser?.close();
    await server?.close();
  });
  return {
    get server(): E2EServer {
      if (!server) throw new Error('journeyHooks: the server is started in beforeAll');
      return server;
    },
    async newPage(options: { width?: number; height?: number } = {}): Promise<Page> {
      if (!browser) throw new Error('journeyHooks: the browser is started in beforeAll');
      const page = await newJourneyPage(browser.browser, options);
      pages.push(page);
      return page;
    },
  };
}
