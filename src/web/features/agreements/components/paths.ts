/** The agreements' pages under the governance section. */
export const AGREEMENTS_PATH = '/tata-kelola/kesepakatan';
export const NEW_AGREEMENT_PATH = `${AGREEMENTS_PATH}/baru`;
export const agreementPagePath = (id: string) => `${AGREEMENTS_PATH}/${id}`;
/** A new PKS under this MoU. */
export const newPksPath = (mouId: string) => `${NEW_AGREEMENT_PATH}?induk=${encodeURIComponent(mouId)}`;
export const workPlanPagePath = (id: string) => `/tata-kelola/program-teknis/${id}`;
