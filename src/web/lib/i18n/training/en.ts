import type { TrainingMessages } from './id.ts';

export const trainingEn: TrainingMessages = {
  nav: 'Training',
  skillsNav: 'Skills',
};
