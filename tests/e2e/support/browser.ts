import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2EBrowser {
  browser: Browser;
  /** A fresh context (cookies, storage) with a page whose console errors fail the test. */
  newPage(options?: {
    width?: number;
    height?: number;
    locale?: string;
  }): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, as root: no sandbox, no background network; Playwright gives it a fresh profile. */
export async function launchBrowser(): Promise<E2EBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        locale: options.locale ?? 'id-ID',
        timezoneId: 'Asia/Jakarta',
      });
      contexts.push(context);
      const page = await context.newPage();
      // A console error in the browser (a failed request, a CSP violation, a React warning) fails the test.
      page.on('console', (message) => {
        if (message.type() === 'error' && !isExpectedHttpError(message.text())) {
          console.error(`[browser] ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
      return { page, context };
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
    },
  };
}

// The browser logs every 4xx answer as a console error; the journeys provoke some on purpose (wrong
// password, locked account, a session check before sign-in). Those are answers, not defects.
function isExpectedHttpError(text: string): boolean {
  return /Failed to load resource: the server responded with a status of (401|403|409|423|400)/.test(text);
}

/**
 * Runs axe on the page and fails on any serious or critical violation, naming them. It first waits for
 * running transitions to end: a dialog fading in or a menu fading out has colours and elements in between
 * that no user reads, and axe would judge them (CI saw both). Endless ones (a loader) are not waited for.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes
          .slice(0, 5)
          .map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
      }));
  });
  if (violations.length > 0) {
    throw new Error(`Accessibility violations on ${where}:\n${JSON.stringify(violations, null, 2)}`);
  }
}
