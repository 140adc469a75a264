const TOKEN_KEY = 'pressroom.console.token';

export type Role = 'ADMIN' | 'EDITOR';

export interface SignedIn {
  role: Role;
  name: string;
}

let viewer: SignedIn | null = null;

/**
 * The signed-in token lives in sessionStorage only: this tab, gone when it closes or on sign
 * out, never in localStorage or a cookie another tab or request would carry.
 */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  viewer: (): SignedIn | null => viewer,
  isAdmin: (): boolean => viewer?.role === 'ADMIN',
  start(token: string, who: SignedIn): void {
    sessionStorage.setItem(TOKEN_KEY, token);
    viewer = who;
  },
  /** Sets the token before the viewer is known (while asking the API who it is). */
  trial(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  resume(who: SignedIn): void {
    viewer = who;
  },
  end(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    viewer = null;
  },
};
