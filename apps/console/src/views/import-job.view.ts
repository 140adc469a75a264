import { rest } from '../api/client.js';
import type { ImportReport, Located } from '../api/types.js';
import { field, h, replace, select } from '../dom.js';
import { formatDate, formatNumber, t } from '../i18n/i18n.js';
import { showIn } from '../ui/errors.js';
import { importStatus } from './imports.view.js';
import { sleep, type View } from './view.js';

const RUNNING = new Set(['queued', 'running']);
const POLL_MS = 1000;

/** Files per second over the job's run so far, and the seconds left at that rate. */
function pace(report: ImportReport): { rate: number; left: number } | null {
  const { processed, total } = report.progress;
  if (!report.startedAt || !processed) return null;
  const seconds = (Date.now() - Date.parse(report.startedAt)) / 1000;
  if (seconds <= 0) return null;
  const rate = processed / seconds;
  return { rate, left: Math.ceil((total - processed) / rate) };
}

function progressView(report: ImportReport): HTMLElement {
  const { processed, total } = report.progress;
  const speed = pace(report);
  return h(
    'div',
    { class: 'progress', role: 'status' },
    h('progress', {
      max: Math.max(total, 1),
      value: processed,
      'aria-label': t('imports.progress', { processed, total }),
    }),
    h(
      'p',
      {},
      t('imports.progress', { processed: formatNumber(processed), total: formatNumber(total) }),
      speed
        ? ` · ${t('imports.rate', { rate: formatNumber(speed.rate, 1) })} · ${t('imports.left', { seconds: formatNumber(speed.left) })}`
        : '',
    ),
  );
}

type Problem = Located & { type: 'error' | 'warning' };

/** Errors and warnings in one table, narrowed by type and by text in the path or message. */
function problemsView(report: ImportReport): HTMLElement {
  const problems: Problem[] = [
    ...report.errors.map((p) => ({ ...p, type: 'error' as const })),
    ...report.warnings.map((p) => ({ ...p, type: 'warning' as const })),
  ];
  const text = h('input', { type: 'search', name: 'problemFilter' });
  const type = select(
    [
      ['', t('common.any')],
      ['error', t('imports.error')],
      ['warning', t('imports.warning')],
    ],
    '',
    { name: 'problemType' },
  );
  const body = h('tbody');
  const draw = () => {
    const needle = text.value.trim().toLowerCase();
    const shown = problems.filter(
      (p) =>
        (!type.value || p.type === type.value) && (!needle || `${p.path} ${p.message}`.toLowerCase().includes(needle)),
    );
    replace(
      body,
      shown.map((p) =>
        h(
          'tr',
          { class: `problem-${p.type}` },
          h('td', {}, t(`imports.${p.type}`)),
          h('td', {}, p.path),
          h('td', {}, p.line == null ? '' : String(p.line)),
          h('td', {}, p.message),
        ),
      ),
    );
  };
  text.addEventListener('input', draw);
  type.addEventListener('change', draw);
  draw();
  const more = report.moreErrors + report.moreWarnings;
  return h(
    'section',
    { 'aria-labelledby': 'problems-title' },
    h('h2', { id: 'problems-title' }, t('imports.problems')),
    h('div', { class: 'filters' }, field(t('imports.filter'), text), field(t('imports.type'), type)),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'problems' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...(['type', 'path', 'line', 'message'] as const).map((c) => h('th', { scope: 'col' }, t(`imports.${c}`))),
          ),
        ),
        body,
      ),
    ),
    more ? h('p', {}, t('imports.more', { count: more })) : null,
  );
}

function countsView(report: ImportReport): HTMLElement {
  const keys = ['total', 'created', 'updated', 'unchanged', 'failed', 'skipped'] as const;
  return h(
    'dl',
    { class: 'counts' },
    // A div per dt/dd pair, so the grid lays out one count per cell.
    keys.map((k) =>
      h('div', {}, h('dt', {}, t(`count.${k}`)), h('dd', { 'data-count': k }, formatNumber(report.counts[k]))),
    ),
  );
}

/** One job: live progress every second while it runs, then its counts and per-file problems. */
export const importJobView: View = async ({ root, params, signal }) => {
  const id = params[0]!;
  const body = h('div', { 'aria-live': 'polite' });
  const status = h('p', { class: 'job-meta' });
  root.append(
    h('p', {}, h('a', { href: '#/imports' }, `← ${t('imports.back')}`)),
    h('h1', {}, t('imports.job', { id: id.slice(0, 8) })),
    status,
    body,
  );
  while (!signal.aborted) {
    let report: ImportReport;
    try {
      report = await rest<ImportReport>(`/admin/imports/${encodeURIComponent(id)}`, { signal });
    } catch (error) {
      if (!signal.aborted) showIn(body, error);
      return;
    }
    replace(
      status,
      h('span', { class: `job-status job-${report.status}` }, importStatus(report.status)),
      report.dryRun ? ` (${t('imports.dry')})` : '',
      ` · ${formatDate(report.createdAt)}`,
    );
    if (RUNNING.has(report.status)) {
      replace(body, progressView(report));
      await sleep(POLL_MS, signal);
      continue;
    }
    replace(
      body,
      report.error ? h('p', { class: 'error', role: 'alert' }, t('imports.jobError', { error: report.error })) : null,
      h('h2', {}, t('imports.counts')),
      countsView(report),
      problemsView(report),
    );
    return;
  }
};
