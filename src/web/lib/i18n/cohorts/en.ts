import type { CohortsMessages } from './id.ts';

export const cohortsEn: CohortsMessages = {
  nav: 'Training cohorts',
  ownNav: 'My cohorts',
};
