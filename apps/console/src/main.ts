import { whenTokenRefused } from './api/client.js';
import { h, replace } from './dom.js';
import { currentLocale, setLocale, t } from './i18n/i18n.js';
import { session } from './session.js';
import { confirmDialog } from './ui/confirm.js';
import { clearBanner, setBanner, showError } from './ui/errors.js';
import { shell } from './ui/shell.js';
import { routeFor } from './routes.js';
import { signInView, whoIs } from './views/sign-in.view.js';

const app = document.getElementById('app')!;
let leave = new AbortController();
/** The shown screen's unsaved-work check, and the hash it was drawn for (to go back to). */
let unsaved: () => boolean = () => false;
let shownHash = location.hash;

/** True when nothing would be lost, or the reader agrees to lose it. */
async function mayLeave(): Promise<boolean> {
  return !unsaved() || confirmDialog(t('editor.leave'));
}

/** Draws the screen the hash names, in the shell; leaving it aborts its polling and requests. */
function render(): void {
  leave.abort();
  leave = new AbortController();
  unsaved = () => false;
  shownHash = location.hash;
  clearBanner();
  const viewer = session.viewer();
  if (!viewer) return showSignIn();
  const route = routeFor(location.hash, viewer.role);
  const { main, banner } = shell(app, route.nav, {
    onSignOut: () => void mayLeave().then((ok) => ok && signOut()),
    onLocale: (next, select) =>
      void mayLeave().then((ok) => {
        if (!ok) return void (select.value = currentLocale());
        setLocale(next);
        render();
      }),
  });
  setBanner(banner);
  const signal = leave.signal;
  try {
    const done = route.view({
      root: main,
      signal,
      params: route.params,
      go: (hash) => (location.hash = hash),
      warnBeforeLeaving: (check) => (unsaved = check),
    });
    if (done) done.catch((error: unknown) => signal.aborted || showError(error));
  } catch (error) {
    showError(error);
  }
}

/** A link followed: draw its screen, unless the reader keeps unsaved work (the URL goes back). */
async function followHash(): Promise<void> {
  if (location.hash === shownHash) return;
  if (!(await mayLeave())) {
    history.replaceState(null, '', shownHash || location.pathname);
    return;
  }
  render();
  document.getElementById('main')?.focus(); // keyboard and screen-reader users start on the new screen
}

function showSignIn(notice?: string): void {
  replace(app);
  const banner = h('div', { class: 'banner', 'aria-live': 'assertive' });
  app.append(banner);
  setBanner(banner);
  signInView(app, render, notice);
}

function signOut(): void {
  session.end();
  leave.abort();
  history.replaceState(null, '', location.pathname);
  showSignIn(t('signIn.signedOut'));
}

async function start(): Promise<void> {
  setLocale(currentLocale());
  whenTokenRefused(() => {
    session.end();
    showSignIn(t('signIn.expired'));
  });
  // A bug anywhere is shown, not a blank page.
  window.addEventListener('error', (event) => showError(event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => showError(event.reason));
  window.addEventListener('beforeunload', (event) => {
    if (unsaved()) event.preventDefault();
  });
  window.addEventListener('hashchange', () => void followHash());
  if (session.token()) {
    try {
      session.resume(await whoIs());
    } catch (error) {
      session.end();
      showSignIn();
      showError(error);
      return;
    }
  }
  render();
}

void start();
