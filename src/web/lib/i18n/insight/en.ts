import { commonEn } from './common.en.ts';
import { dashboardEn } from './dashboard.en.ts';
import type { InsightMessages } from './id.ts';
import { publicEn } from './public.en.ts';
import { reportEn } from './report.en.ts';
import { villageEn } from './village.en.ts';

/** English for the insight pages: every key of the Indonesian reference. */
export const insightEn: InsightMessages = {
  nav: 'Dashboard',
  title: 'Program dashboard',
  common: commonEn,
  dashboard: dashboardEn,
  village: villageEn,
  report: reportEn,
  public: publicEn,
};
