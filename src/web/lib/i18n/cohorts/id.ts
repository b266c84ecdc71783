/** Bahasa Indonesia for cohorts: list, form, roster and allocation, schedule, attendance grid, results. */
export const cohortsId = {
  nav: 'Angkatan pelatihan',
  ownNav: 'Angkatan saya',
};

export type CohortsMessages = typeof cohortsId;
