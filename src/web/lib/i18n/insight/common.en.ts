import type { commonId } from './common.id.ts';

/** English: insight (common), every key of the Indonesian reference. */
export const commonEn: typeof commonId = {
  hidden: '< 5',
  hiddenLabel: 'fewer than 5 (hidden)',
  notReached: 'not yet',
  tabsLabel: 'Dashboard sections',
  tabs: {
    program: 'Program',
    villages: 'Kelurahan',
    report: 'Monthly report',
  },
  chart: {
    showTable: 'Show table',
    hideTable: 'Hide table',
    downloadCsv: 'Download CSV',
    empty: 'No figures to show yet.',
    tableLabel: 'Table of figures: {{title}}',
    noChart:
      'Nothing to draw: every figure is zero, hidden (< 5) or not reached yet. The figures are in the table.',
  },
  filters: {
    label: 'Filter the dashboard figures',
    from: 'From month',
    to: 'To month',
    organization: 'Organization',
    allProgram: 'Whole program',
    clearOrganization: 'Clear the organization',
    village: 'Kelurahan',
    allVillages: 'All kelurahan',
    clearVillage: 'Clear the kelurahan',
    clear: 'Clear filters',
  },
  smallCounts: {
    title: 'Small counts are hidden',
    text: 'Counts of 1–4 are hidden and written “< 5” so that no one can be identified. Where a total is shown too, one more count next to it is hidden so the hidden one cannot be worked out by subtraction. Percentages of hidden counts are written “—”.',
  },
  days: '{{count}} days',
  days_one: '{{count}} day',
  cannotOpen: 'Your organization cannot open it',
};
