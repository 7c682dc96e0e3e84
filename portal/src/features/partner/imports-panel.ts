/**
 * The partner's CSV imports in its console (ADR 0041): drop a day's POS export (or choose it), see
 * the import's progress and its result — accepted and rejected rows, each rejected row with its
 * line, field and reason, and the rejections as a CSV download — the past imports, and the mapping
 * of the POS export's columns to Bloom's fields. Texts come from the catalogues.
 */
import { errorBanner } from '../../components/error-banner';
import {
  toProblem,
  type BloomApi,
  type CsvImport,
  type ImportMapping,
  type Problem,
} from '../../lib/api';
import { h } from '../../lib/dom';
import { formatDateTime } from '../../lib/format';
import { t, type MessageKey } from '../../lib/i18n';
import { button, field, input, placeProblem, select, type Field } from './form';

export interface ImportsContext {
  api: BloomApi;
  partner: string;
  signal: AbortSignal;
  showProblem: (problem: Problem) => void;
  clearProblems: () => void;
}

type ColumnName = keyof ImportMapping['columns'];

const COLUMNS: ColumnName[] = [
  'receiptNumber',
  'passportCode',
  'amount',
  'category',
  'occurredAt',
  'kind',
  'refundNumber',
  'currency',
];

const STATUS: Record<CsvImport['status'], MessageKey> = {
  QUEUED: 'imports.status.queued',
  RUNNING: 'imports.status.running',
  FINISHED: 'imports.status.finished',
  FAILED: 'imports.status.failed',
};

/** Draws the imports section into `body`: upload, result, history, mapping. */
export async function showImports(ctx: ImportsContext, body: HTMLElement): Promise<void> {
  const [imports, mapping] = await Promise.all([
    ctx.api.listCsvImports(ctx.partner, { signal: ctx.signal }),
    ctx.api.getImportMapping(ctx.partner, { signal: ctx.signal }),
  ]);
  if (ctx.signal.aborted) return;
  const result = h('div', { testid: 'import-result', attrs: { 'aria-live': 'polite' } });
  const history = h('div', { testid: 'import-history' });
  const drawHistory = (items: CsvImport[]) => history.replaceChildren(historyTable(items));
  drawHistory(imports);
  const refresh = async () => drawHistory(await ctx.api.listCsvImports(ctx.partner));

  const fileInput = h('input', {
    class: 'visually-hidden',
    testid: 'import-file',
    attrs: { type: 'file', accept: '.csv,text/csv' },
  });
  const drop = h(
    'div',
    {
      class: 'dropzone',
      testid: 'import-drop',
      attrs: { tabindex: '0', role: 'button', 'aria-label': t('imports.drop') },
    },
    h('p', {}, t('imports.drop')),
    h('p', { class: 'muted' }, t('imports.drop-hint')),
  );
  const upload = (file: File) => void uploadAndFollow(ctx, file, result, refresh);
  drop.addEventListener('click', () => fileInput.click());
  drop.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') fileInput.click();
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('dropzone--over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dropzone--over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dropzone--over');
    const file = event.dataTransfer?.files[0];
    if (file) upload(file);
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) upload(file);
    fileInput.value = '';
  });

  const running = imports.find((i) => i.status === 'QUEUED' || i.status === 'RUNNING');
  if (running) void follow(ctx, running, result, refresh);

  body.replaceChildren(
    h('p', { class: 'muted' }, t('imports.intro')),
    drop,
    fileInput,
    result,
    h('h3', {}, t('imports.history')),
    history,
    h('h3', {}, t('imports.mapping')),
    mappingForm(ctx, mapping),
  );
}

async function uploadAndFollow(
  ctx: ImportsContext,
  file: File,
  result: HTMLElement,
  refresh: () => Promise<void>,
): Promise<void> {
  ctx.clearProblems();
  result.replaceChildren(h('p', { class: 'loading' }, t('imports.uploading', { file: file.name })));
  try {
    const queued = await ctx.api.uploadCsvImport(ctx.partner, file, file.name, {
      signal: ctx.signal,
    });
    await refresh();
    await follow(ctx, queued, result, refresh);
  } catch (error) {
    if (ctx.signal.aborted) return;
    result.replaceChildren(errorBanner(toProblem(error)));
  }
}

/** Polls the import until it ends, drawing its progress, then its result. */
async function follow(
  ctx: ImportsContext,
  started: CsvImport,
  result: HTMLElement,
  refresh: () => Promise<void>,
): Promise<void> {
  let current = started;
  while (current.status === 'QUEUED' || current.status === 'RUNNING') {
    result.replaceChildren(progress(current));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (ctx.signal.aborted) return;
    try {
      current = await ctx.api.getCsvImport(ctx.partner, current.id, { signal: ctx.signal });
    } catch (error) {
      if (ctx.signal.aborted) return;
      result.replaceChildren(errorBanner(toProblem(error)));
      return;
    }
  }
  await refresh();
  result.replaceChildren(await outcome(ctx, current));
}

function progress(i: CsvImport): HTMLElement {
  return h(
    'div',
    { class: 'import-progress', testid: 'import-progress' },
    h('p', {}, `${i.fileName}: ${t(STATUS[i.status])}`),
    h('progress', {
      attrs: { max: String(Math.max(i.rowsTotal, 1)), value: String(i.rowsDone) },
    }),
    h('p', { class: 'muted' }, t('imports.progress', { done: i.rowsDone, total: i.rowsTotal })),
  );
}

async function outcome(ctx: ImportsContext, i: CsvImport): Promise<HTMLElement> {
  const summary = h(
    'p',
    { testid: 'import-summary' },
    t('imports.summary', {
      file: i.fileName,
      status: t(STATUS[i.status]),
      accepted: i.rowsAccepted,
      rejected: i.rowsRejected,
    }),
  );
  if (i.rowsRejected === 0) return h('div', {}, summary);
  const csv = await ctx.api.downloadCsvImportRejections(ctx.partner, i.id, { signal: ctx.signal });
  const rows = parseCsv(await csv.text()).slice(1);
  const link = h(
    'a',
    {
      class: 'button',
      testid: 'import-rejections-download',
      attrs: { href: URL.createObjectURL(csv), download: `rejections-${i.id}.csv` },
    },
    t('imports.download-rejections'),
  );
  return h(
    'div',
    {},
    summary,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table', testid: 'import-rejections' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, t('imports.col.line')),
            h('th', {}, t('imports.col.field')),
            h('th', {}, t('imports.col.reason')),
            h('th', {}, t('imports.col.receipt')),
          ),
        ),
        h(
          'tbody',
          {},
          ...rows.map((r) => h('tr', {}, ...r.slice(0, 4).map((cell) => h('td', {}, cell)))),
        ),
      ),
    ),
    link,
  );
}

function historyTable(items: CsvImport[]): HTMLElement {
  const headers: MessageKey[] = [
    'imports.col.file',
    'imports.col.uploaded',
    'imports.col.status',
    'imports.col.accepted',
    'imports.col.rejected',
  ];
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'table' },
      h('thead', {}, h('tr', {}, ...headers.map((key) => h('th', {}, t(key))))),
      h(
        'tbody',
        {},
        ...(items.length > 0
          ? items.map((i) =>
              h(
                'tr',
                { testid: 'import-row' },
                h('td', {}, i.fileName),
                h('td', {}, formatDateTime(i.uploadedAt)),
                h('td', {}, t(STATUS[i.status])),
                h('td', {}, i.rowsAccepted),
                h('td', {}, i.rowsRejected),
              ),
            )
          : [h('tr', {}, h('td', { attrs: { colspan: '5' } }, t('imports.none')))]),
      ),
    ),
  );
}

function mappingForm(ctx: ImportsContext, mapping: ImportMapping): HTMLElement {
  const columns = {} as Record<ColumnName, Field<HTMLInputElement>>;
  for (const name of COLUMNS) {
    const f = field(
      t(`imports.field.${name}` as MessageKey),
      input({ value: mapping.columns[name] ?? '' }),
      `mapping-${name}`,
    );
    columns[name] = f;
  }
  const delimiter = field(
    t('imports.delimiter'),
    select(
      [
        [';', ';'],
        [',', ','],
        ['\t', t('imports.tab')],
      ],
      mapping.delimiter,
    ),
    'mapping-delimiter',
  );
  const decimal = field(
    t('imports.decimal'),
    select(
      [
        [',', ','],
        ['.', '.'],
      ],
      mapping.decimalSeparator,
    ),
    'mapping-decimal',
  );
  const encoding = field(
    t('imports.encoding'),
    select(
      [
        ['UTF-8', 'UTF-8'],
        ['windows-1251', 'Windows-1251'],
      ],
      mapping.encoding,
    ),
    'mapping-encoding',
  );
  const zone = field(t('imports.zone'), input({ value: mapping.timeZone }), 'mapping-zone');
  const save = button(t('imports.save-mapping'), 'mapping-save');
  const saved = h('p', { class: 'saved-note', testid: 'mapping-saved', attrs: { role: 'status' } });
  save.addEventListener('click', () => {
    save.disabled = true;
    saved.textContent = '';
    const named: ImportMapping['columns'] = {};
    for (const name of COLUMNS) {
      const header = columns[name].control.value.trim();
      if (header !== '') named[name] = header;
    }
    const body: ImportMapping = {
      columns: named,
      delimiter: delimiter.control.value as ImportMapping['delimiter'],
      decimalSeparator: decimal.control.value as ImportMapping['decimalSeparator'],
      encoding: encoding.control.value as ImportMapping['encoding'],
      timeZone: zone.control.value.trim(),
    };
    ctx.api
      .putImportMapping(ctx.partner, body, { signal: ctx.signal })
      .then(() => {
        for (const f of Object.values(columns)) f.setError(null);
        saved.textContent = t('imports.mapping-saved');
      })
      .catch((error: unknown) => {
        const problem = toProblem(error);
        for (const name of COLUMNS) columns[name].setError(null);
        const rest = (problem.errors ?? []).filter((e) => {
          const name = e.field.replace(/^columns\./, '') as ColumnName;
          if (e.field.startsWith('columns.') && columns[name]) {
            columns[name].setError(e.reason);
            return false;
          }
          return true;
        });
        const unplaced = placeProblem(
          { ...problem, errors: rest },
          { delimiter, decimalSeparator: decimal, encoding, timeZone: zone },
          zone,
        );
        if (unplaced && rest.length > 0) ctx.showProblem(unplaced);
      })
      .finally(() => {
        save.disabled = false;
      });
  });
  const form = h(
    'form',
    { class: 'form', testid: 'mapping-form' },
    h('p', { class: 'muted' }, t('imports.mapping-intro')),
    ...COLUMNS.map((name) => columns[name].element),
    delimiter.element,
    decimal.element,
    encoding.element,
    zone.element,
    save,
    saved,
  );
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
