/** Bahasa Indonesia for training: taxonomy, catalogue, programs, waitlist, the person's training tab. */
export const trainingId = {
  nav: 'Pelatihan',
  skillsNav: 'Keterampilan',
};

export type TrainingMessages = typeof trainingId;
