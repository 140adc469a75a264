import { h, replace, select } from '../dom.js';
import { currentLocale, LOCALES, t, timeZone, type Locale, type MessageKey } from '../i18n/i18n.js';
import { session } from '../session.js';

/** The sections a role may open, in menu order. */
export const SECTIONS: { key: string; label: MessageKey; admin: boolean }[] = [
  { key: 'articles', label: 'nav.articles', admin: false },
  { key: 'tags', label: 'nav.tags', admin: false },
  { key: 'authors', label: 'nav.authors', admin: false },
  { key: 'imports', label: 'nav.imports', admin: true },
  { key: 'tokens', label: 'nav.tokens', admin: true },
];

interface ShellHandlers {
  onSignOut: () => void;
  /** The reader chose `next`; the handler applies it, or puts `select` back. */
  onLocale: (next: Locale, select: HTMLSelectElement) => void;
}

/** Header (menu by role, language, zone, who is signed in), alert banner and main region. */
export function shell(app: HTMLElement, current: string, handlers: ShellHandlers) {
  const viewer = session.viewer()!;
  document.title = t('app.title');
  const locale = select(LOCALES, currentLocale(), {
    id: 'locale',
    onChange: (event: Event) => {
      const el = event.target as HTMLSelectElement;
      handlers.onLocale(el.value as Locale, el);
    },
  });
  const nav = h(
    'nav',
    { class: 'menu', 'aria-label': t('app.title') },
    h(
      'ul',
      {},
      SECTIONS.filter((s) => !s.admin || viewer.role === 'ADMIN').map((s) =>
        h('li', {}, h('a', { href: `#/${s.key}`, 'aria-current': s.key === current ? 'page' : null }, t(s.label))),
      ),
    ),
  );
  const banner = h('div', { class: 'banner', 'aria-live': 'assertive' });
  const main = h('main', { id: 'main', tabindex: '-1' });
  replace(
    app,
    h('a', { class: 'skip', href: '#main', onClick: (e: Event) => (e.preventDefault(), main.focus()) }, t('app.skip')),
    h(
      'header',
      { class: 'top' },
      h('span', { class: 'brand' }, t('app.title')),
      nav,
      h(
        'div',
        { class: 'who' },
        h('span', { class: 'zone' }, t('app.timeZone', { zone: timeZone() })),
        h('label', { for: 'locale', class: 'visually-hidden' }, t('app.language')),
        locale,
        h('span', { class: 'viewer' }, t('app.signedInAs', { name: viewer.name, role: viewer.role })),
        h('button', { type: 'button', onClick: handlers.onSignOut }, t('app.signOut')),
      ),
    ),
    banner,
    main,
  );
  return { main, banner };
}
