/** Bahasa Indonesia for the insight pages (dashboard, kelurahan view, monthly report, public page; issue 9). */
export const insightId = {
  nav: 'Dasbor',
  title: 'Dasbor program',
};

export type InsightMessages = typeof insightId;
