import type { InsightMessages } from './id.ts';

/** English for the insight pages: every key of the Indonesian reference. */
export const insightEn: InsightMessages = {
  nav: 'Dashboard',
  title: 'Program dashboard',
};
