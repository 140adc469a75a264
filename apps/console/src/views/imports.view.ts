import { ApiError } from '../api/api-error.js';
import { graphql, rest } from '../api/client.js';
import { IMPORT_JOBS } from '../api/queries.js';
import type { Connection, ImportJobSummary } from '../api/types.js';
import { field, h, replace, select } from '../dom.js';
import { formatDate, formatNumber, t, tMaybe } from '../i18n/i18n.js';
import { showIn } from '../ui/errors.js';
import { CursorTrail, pager } from '../ui/pager.js';
import { sleep, type View } from './view.js';

const PAGE_SIZE = 20;
const LIST_POLL_MS = 2000;
const trail = new CursorTrail();

export const importStatus = (status: string) => tMaybe(`importStatus.${status}`) ?? status;

/** The upload form: posts or one archive, as multipart `files`, to POST /admin/imports. */
function uploadForm(go: (hash: string) => void): HTMLFormElement {
  const files = h('input', {
    type: 'file',
    name: 'files',
    multiple: true,
    accept: '.md,.markdown,.html,.htm,.txt,.zip,.tar,.gz,.tgz',
  });
  const dryRun = h('input', { type: 'checkbox', name: 'dryRun' });
  const status = select(
    [
      ['PUBLISHED', t('status.PUBLISHED')],
      ['DRAFT', t('status.DRAFT')],
    ],
    'PUBLISHED',
    { name: 'defaultStatus' },
  );
  const errors = h('div');
  const start = h('button', { type: 'submit', class: 'primary' }, t('imports.start'));
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'new-import' },
    h('h2', { id: 'new-import' }, t('imports.new')),
    field(t('imports.files'), files),
    h('div', { class: 'field checkbox' }, dryRun, h('label', { for: (dryRun.id = 'dry-run') }, t('imports.dryRun'))),
    field(t('imports.defaultStatus'), status),
    errors,
    start,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!files.files?.length) return showIn(errors, new ApiError('BAD_USER_INPUT', t('imports.noFiles')));
    const body = new FormData();
    for (const file of files.files) body.append('files', file, file.name);
    body.append('dryRun', String(dryRun.checked));
    body.append('defaultStatus', status.value);
    start.disabled = true;
    rest<{ id: string }>('/admin/imports', { method: 'POST', body }).then(
      ({ id }) => go(`#/imports/${id}`),
      (error: unknown) => ((start.disabled = false), showIn(errors, error)),
    );
  });
  return form;
}

function jobRow(job: ImportJobSummary): HTMLElement {
  return h(
    'tr',
    {},
    h('td', {}, h('a', { href: `#/imports/${job.id}` }, formatDate(job.createdAt))),
    h(
      'td',
      {},
      h('span', { class: `job-status job-${job.status}` }, importStatus(job.status)),
      job.dryRun ? ` (${t('imports.dry')})` : '',
    ),
    h('td', {}, `${formatNumber(job.progress.processed)} / ${formatNumber(job.progress.total)}`),
    h(
      'td',
      {},
      (['created', 'updated', 'unchanged', 'failed', 'skipped'] as const)
        .map((k) => `${t(`count.${k}`)} ${job.counts[k]}`)
        .join(' · '),
    ),
    h('td', {}, job.source),
  );
}

export const importsView: View = ({ root, signal, go }) => {
  const jobs = h('section', { 'aria-labelledby': 'jobs-title' });
  let latest = 0; // a page change starts a new refresh; older ones stop polling
  const refresh = async (): Promise<void> => {
    const mine = ++latest;
    try {
      const { importJobs } = await graphql<{ importJobs: Connection<ImportJobSummary> }>(IMPORT_JOBS, {
        first: PAGE_SIZE,
        after: trail.after,
      });
      if (signal.aborted || mine !== latest) return;
      const head = (['created', 'status', 'files'] as const).map((c) =>
        h('th', { scope: 'col' }, t(`imports.col.${c}`)),
      );
      replace(
        jobs,
        h('h2', { id: 'jobs-title' }, t('imports.jobs')),
        h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'jobs' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                head,
                h('th', { scope: 'col' }, t('imports.counts')),
                h('th', { scope: 'col' }, t('imports.col.source')),
              ),
            ),
            h(
              'tbody',
              {},
              importJobs.edges.map((e) => jobRow(e.node)),
            ),
          ),
        ),
        importJobs.edges.length ? null : h('p', {}, t('common.empty')),
        pager(
          trail,
          importJobs.pageInfo,
          importJobs.edges.length,
          importJobs.totalCount,
          PAGE_SIZE,
          () => void refresh(),
        ),
      );
      // While a job on this page is still going, its row is refreshed like the job's own page.
      if (importJobs.edges.some((e) => e.node.status === 'queued' || e.node.status === 'running')) {
        await sleep(LIST_POLL_MS, signal);
        if (!signal.aborted && mine === latest) await refresh();
      }
    } catch (error) {
      showIn(jobs, error);
    }
  };
  root.append(h('h1', {}, t('imports.title')), uploadForm(go), jobs);
  return refresh();
};
