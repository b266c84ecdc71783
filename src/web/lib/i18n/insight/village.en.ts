import type { villageId } from './village.id.ts';

/** English: insight (village), every key of the Indonesian reference. */
export const villageEn: typeof villageId = {
  picker: {
    title: 'Choose a kelurahan',
    intro:
      "One kelurahan's figures: the women intended for it or placed there, its job opportunities, and its potentials and needs against the skills of women released soon.",
    search: 'Search kelurahan',
    searchPlaceholder: 'Name, code or kecamatan',
    tableLabel: 'Kelurahan you can open',
    name: 'Kelurahan',
    code: 'Code',
    district: 'Kecamatan',
    count: '{{count}} kelurahan',
    count_one: '{{count}} kelurahan',
    none: 'No kelurahan matches the search.',
    empty: 'There is no kelurahan you can open yet.',
    forbidden: "Your organization has no kelurahan view. Your organization's figures are on the Program tab.",
  },
  back: 'All kelurahan',
  district: 'Kecamatan',
  code: 'Code',
  scope: 'Scope: {{scope}}',
  asOf: 'Figures as of {{date}} (today).',
  horizon: {
    label: 'Women released within',
    option: '{{count}} months',
    option_one: '{{count}} month',
    until: 'until {{date}}',
  },
  people: {
    title: 'Women in the program',
    intro:
      'Women in your scope intended for this kelurahan (where they go after release) or placed in work here.',
    intended: 'Intended for this kelurahan',
    intendedHint: 'where she goes after release',
    upcoming: 'Released soon',
    upcomingHint: 'within {{count}} months, until {{date}}',
    upcomingHint_one: 'within {{count}} month, until {{date}}',
    underSupervision: 'Under Bapas supervision',
    underSupervisionHint: 'released, supervision still running',
    working: 'Working',
    workingHint: 'by the latest outcome check',
    placedNow: 'Placed here',
    placedNowHint: "in this kelurahan's job opportunities",
  },
  status: {
    title: 'By journey status',
    description:
      'Women intended for this kelurahan by their journey status today: in custody, pre-release, released under supervision, supervision ended, or returned to custody.',
    status: 'Status',
    count: 'People',
    total: 'Total',
    empty: 'No woman in your scope is intended for this kelurahan yet.',
  },
  opportunities: {
    title: 'Job opportunities',
    intro: '{{count}} opportunities open or filled, {{places}} places, {{placed}} women placed now.',
    tableLabel: 'Job opportunities in this kelurahan',
    titleColumn: 'Opportunity',
    partner: 'Partner',
    sector: 'Sector',
    places: 'Places',
    placed: 'Placed',
    status: 'Status',
    total: 'Total',
    empty: 'No job opportunity has been opened in this kelurahan yet.',
  },
  sectors: {
    title: 'Potentials and needs by sector',
    intro:
      "This kelurahan's recorded potentials and needs against the skills (recorded skills or certificates) of women released soon, in the same sector.",
    chartTitle: 'Potentials, needs and skills soon available',
    description:
      "By sector: the kelurahan's potentials and needs, women released within {{count}} months who are intended for this kelurahan, and those released soon in your whole scope. One woman may count in several sectors. Only sectors with a figure are shown.",
    description_one:
      "By sector: the kelurahan's potentials and needs, women released within {{count}} month who are intended for this kelurahan, and those released soon in your whole scope. One woman may count in several sectors. Only sectors with a figure are shown.",
    sector: 'Sector',
    potentials: 'Kelurahan potentials',
    needs: 'Kelurahan needs',
    upcomingHere: 'Released soon, to this kelurahan',
    upcomingInScope: 'Released soon, whole scope',
    empty:
      'This kelurahan has recorded no potential or need, and no woman released soon has a recorded skill.',
  },
  hiddenBars: 'Hidden figures (< 5) are not drawn; see the table.',
};
