import { ConnectMode } from '../session/connect-choice';

/** A connect mode as the connect panel offers it. */
export interface ConnectModeOption {
  id: ConnectMode;
  title: string;
  hint: string;
}

/** The connect modes, in the order of the vendor's "Users and tokens" page. */
export const CONNECT_MODES: readonly ConnectModeOption[] = [
  {
    id: 'token-provider',
    title: 'Token provider',
    hint: 'Your backend signs a short-lived token; the SDK asks again when it expires.',
  },
  {
    id: 'static-token',
    title: 'Static token',
    hint: 'Fetched once from your backend, valid for one hour.',
  },
  {
    id: 'dev-token',
    title: 'Development token',
    hint: 'Made in the browser with devToken(); only for apps with auth checks off.',
  },
  {
    id: 'guest',
    title: 'Guest',
    hint: 'A temporary user with a name you choose, in the public livestream.',
  },
  {
    id: 'anonymous',
    title: 'Anonymous',
    hint: 'Reads the public livestream without an account; cannot write.',
  },
];
