import { ApiError } from './api/api-error.js';
import { h } from './dom.js';
import { t } from './i18n/i18n.js';
import type { Role } from './session.js';
import { errorBox } from './ui/errors.js';
import { articleEditorView } from './views/article-editor.view.js';
import { articlesView } from './views/articles.view.js';
import { authorsView } from './views/authors.view.js';
import { importJobView } from './views/import-job.view.js';
import { importsView } from './views/imports.view.js';
import { tagsView } from './views/tags.view.js';
import { tokensView } from './views/tokens.view.js';
import type { View } from './views/view.js';

interface Route {
  pattern: RegExp;
  nav: string;
  view: View;
  admin?: boolean;
}

const ROUTES: Route[] = [
  { pattern: /^#?\/?(?:articles)?$/, nav: 'articles', view: articlesView },
  { pattern: /^#\/articles\/([\w-]+)$/, nav: 'articles', view: articleEditorView },
  { pattern: /^#\/tags$/, nav: 'tags', view: tagsView },
  { pattern: /^#\/authors$/, nav: 'authors', view: authorsView },
  { pattern: /^#\/imports$/, nav: 'imports', view: importsView, admin: true },
  { pattern: /^#\/imports\/([\w-]+)$/, nav: 'imports', view: importJobView, admin: true },
  { pattern: /^#\/tokens$/, nav: 'tokens', view: tokensView, admin: true },
];

const notFound: View = ({ root }) => {
  root.append(h('p', { role: 'status' }, t('app.notFound')));
};

const forbidden: View = ({ root }) => {
  root.append(errorBox(new ApiError('FORBIDDEN', 'This needs an ADMIN token')));
};

/** The screen for a location hash; admin screens show FORBIDDEN to editors rather than a blank. */
export function routeFor(hash: string, role: Role): { nav: string; view: View; params: string[] } {
  for (const route of ROUTES) {
    const match = route.pattern.exec(hash);
    if (!match) continue;
    if (route.admin && role !== 'ADMIN') return { nav: route.nav, view: forbidden, params: [] };
    return { nav: route.nav, view: route.view, params: match.slice(1) };
  }
  return { nav: '', view: notFound, params: [] };
}
