// Browser journey of the partner's CSV import (ADR 0041): the partner's owner signs in at
// #/p/<partner>/console, saves a mapping of a Russian POS export (semicolons, decimal commas) in
// the imports section, drops a file on the drop zone (a real drag-and-drop event carrying the
// file), follows the progress to the result — accepted and rejected rows, the rejected row with its
// line, field and reason — and downloads the rejections as CSV. Texts in Russian (the default).
//
//   BLOOM_URL                        e.g. http://localhost:9080
//   OWNER_USERNAME, OWNER_PASSWORD   a platform-realm user with partner-owner in the partner
//   PARTNER                          the partner's slug
//   CSV                              the file's content (UTF-8); one good row and one bad amount
//   BAD_LINE                         the line of the bad row
//   SCREENSHOT                       where to write the PNG
//   E2E_TIMEOUT_MS, E2E_RUN_WAITS, CHROMIUM   as for the other journeys
import { readFileSync } from 'node:fs';
import { check, pass, poll, required, run, signIn } from './support.mjs';

const bloomUrl = required('BLOOM_URL').replace(/\/+$/, '');
const owner = { username: required('OWNER_USERNAME'), password: required('OWNER_PASSWORD') };
const partner = required('PARTNER');
const csv = required('CSV');
const badLine = required('BAD_LINE');
const screenshot = required('SCREENSHOT');

/** @param {string | null} text */
const plain = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

run(screenshot, async (page) => {
  await page.goto(`${bloomUrl}/#/p/${partner}/console`, { waitUntil: 'load' });
  await page.getByTestId('signin').click();
  const arrived = await signIn(page, { ...owner, arrived: ['partner-title', 'partner-no-access'] });
  check(arrived === 'partner-title', `the owner ${owner.username} is in the partner's console`);

  const section = page.getByTestId('partner-imports');
  await section.getByTestId('mapping-form').waitFor({ state: 'visible' });
  const headers = {
    receiptNumber: 'Номер чека',
    passportCode: 'Карта',
    amount: 'Сумма',
    category: 'Категория',
    occurredAt: 'Дата',
  };
  for (const [name, header] of Object.entries(headers)) {
    await section.getByTestId(`mapping-${name}`).fill(header);
  }
  await section.getByTestId('mapping-delimiter').selectOption(';');
  await section.getByTestId('mapping-decimal').selectOption(',');
  await section.getByTestId('mapping-save').click();
  await poll('the mapping saved', async () =>
    plain(await section.getByTestId('mapping-saved').textContent()) !== '' ? true : undefined,
  );
  pass('the mapping of the POS export is saved');

  // A real drop: a DataTransfer holding the file, dispatched on the drop zone.
  const drop = section.getByTestId('import-drop');
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'kassa-day.csv', { type: 'text/csv' }));
    return data;
  }, csv);
  await drop.dispatchEvent('dragover', { dataTransfer: transfer });
  await drop.dispatchEvent('drop', { dataTransfer: transfer });
  pass('the file is dropped on the drop zone');

  const summary = await poll('the import finished', async () => {
    const text = plain(
      await section
        .getByTestId('import-summary')
        .textContent()
        .catch(() => ''),
    );
    return text.includes('готово') ? text : undefined;
  });
  check(
    summary.includes('Принято строк: 1') && summary.includes('отклонено: 1'),
    `the result says one row accepted and one rejected (${summary})`,
  );
  const rejected = plain(await section.getByTestId('import-rejections').textContent());
  check(
    rejected.includes(badLine) && rejected.includes('amount'),
    `the rejected row shows its line ${badLine} and the field amount (${rejected})`,
  );
  const link = section.getByTestId('import-rejections-download');
  // The download itself (a blob: link is a navigation, not a fetch: the page's CSP allows it).
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const downloaded = readFileSync(await download.path(), 'utf8');
  check(
    download.suggestedFilename().startsWith('rejections-') &&
      downloaded.startsWith('line,field,reason,receiptNumber') &&
      downloaded.includes(`${badLine},amount,`),
    `the rejections download as ${download.suggestedFilename()}, a CSV with the bad line`,
  );
  const rows = await section.getByTestId('import-row').count();
  check(rows === 1, `the history lists the upload (${rows} row)`);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot, fullPage: true });
});
