import { commonId } from './common.id.ts';
import { dashboardId } from './dashboard.id.ts';
import { publicId } from './public.id.ts';
import { reportId } from './report.id.ts';
import { villageId } from './village.id.ts';

/** Bahasa Indonesia for the insight pages (dashboard, kelurahan view, monthly report, public page; issue 9). */
export const insightId = {
  nav: 'Dasbor',
  title: 'Dasbor program',
  common: commonId,
  dashboard: dashboardId,
  village: villageId,
  report: reportId,
  public: publicId,
};

export type InsightMessages = typeof insightId;
