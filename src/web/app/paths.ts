export const SIGN_IN_PATH = '/masuk';
export const CHANGE_PASSWORD_PATH = '/ganti-kata-sandi';

/** State passed to the sign-in page: where to go after it, and why the user landed there. */
export interface SignInState {
  from?: string;
  reason?: 'expired' | 'signedOut';
}
