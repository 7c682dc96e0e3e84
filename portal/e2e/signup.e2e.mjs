// Browser journey: a partner business signs up on the portal. The form is filled in and sent; the
// verification link arrives by real e-mail — the Java harness reads it from the mail server and
// writes it to LINK_FILE — then the link opens the progress page, provisioning runs to the end, and
// the partner's first API key is shown once.
//
//   BLOOM_URL        e.g. http://localhost:9080
//   SLUG             a new partner slug
//   ADMIN_EMAIL      the admin's address (the mail server's mailbox)
//   LINK_FILE        where the harness writes the verification link once the mail has arrived
//   SCREENSHOT       where to write the PNG of the finished sign-up
import { existsSync, readFileSync } from 'node:fs';
import { CheckFailed, WAIT_MS, check, pass, poll, required, run, textOf } from './support.mjs';

const bloomUrl = required('BLOOM_URL').replace(/\/+$/, '');
const slug = required('SLUG');
const email = required('ADMIN_EMAIL');
const linkFile = required('LINK_FILE');
const screenshot = required('SCREENSHOT');

run(screenshot, async (page) => {
  await page.goto(`${bloomUrl}/#/`, { waitUntil: 'load' });
  await page.getByTestId('signup-link').click();
  await page.getByTestId('signup-submit').waitFor({ state: 'visible' });
  pass('the landing page leads to the sign-up form');

  // Sent empty: every field says what is wrong, nothing is created.
  await page.getByTestId('signup-submit').click();
  const emailError = await poll('field errors', async () => {
    const text = await textOf(page, 'error-adminEmail');
    return text.length > 0 ? text : undefined;
  });
  check(
    (await textOf(page, 'error-acceptTerms')).length > 0,
    `an empty form is refused field by field (adminEmail: "${emailError}")`,
  );

  await page.getByTestId('signup-kind-partner').check();
  await page.getByTestId('signup-name').fill(`Цветы ${slug}`);
  await page.getByTestId('signup-slug').fill(slug);
  await page.getByTestId('signup-adminEmail').fill(email);
  await page.getByTestId('signup-plan').selectOption('start');
  await page.getByTestId('signup-terms').check();
  await page.getByTestId('signup-submit').click();
  const sent = await poll('the "check your mail" page', async () => {
    const text = await textOf(page, 'signup-sent');
    return text.includes('Проверьте почту') ? text : undefined;
  });
  pass(`applied: ${sent.replace(/\s+/g, ' ')}`);

  // The harness reads the real mail and hands over the link.
  const link = await poll('the verification link from the mail', async () =>
    existsSync(linkFile) ? readFileSync(linkFile, 'utf8').trim() || undefined : undefined,
  );
  check(link.startsWith(`${bloomUrl}/#/signup/verify/`), 'the mailed link points to the portal');

  await page.goto(link, { waitUntil: 'load' });
  const deadline = Date.now() + WAIT_MS * 4;
  while (!(await page.getByTestId('signup-ready').count())) {
    if (Date.now() > deadline) throw new CheckFailed('provisioning did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  for (const step of [
    'registered',
    'schema-migrated',
    'identity-created',
    'admin-invited',
    'plan-assigned',
  ]) {
    const text = await textOf(page, `step-${step}`);
    check(text.endsWith('готово'), `step ${step} done ("${text}")`);
  }

  await page.getByTestId('reveal-key').click();
  const key = await poll('the first API key', async () => {
    const text = await textOf(page, 'api-key');
    return text.startsWith('bk_live_') ? text : undefined;
  });
  pass(`first API key shown once: ${key.slice(0, 12)}…`);
  console.log(`api-key: ${key}`);

  await page.screenshot({ path: screenshot, fullPage: true });
  pass(`screenshot written to ${screenshot}`);

  await page.reload({ waitUntil: 'load' });
  await page.getByTestId('signup-ready').waitFor({ state: 'visible' });
  check((await page.getByTestId('reveal-key').count()) === 0, 'the key is not offered again');
});
