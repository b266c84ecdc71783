export const SIGN_IN_PATH = '/masuk';
export const CHANGE_PASSWORD_PATH = '/ganti-kata-sandi';
/** The program's public figures, open without signing in (issue 9). */
export const PUBLIC_FIGURES_PATH = '/capaian';

/** State passed to the sign-in page: where to go after it, and why the user landed there. */
export interface SignInState {
  from?: string;
  reason?: 'expired' | 'signedOut';
}
