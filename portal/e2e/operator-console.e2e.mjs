// Browser journey of the operator's console: an operator of the platform realm signs in, finds a
// partner by its slug in the tenant list (status, plan, usage against the limit), opens it, is
// told a suspension needs a reason, suspends it with one — and the partner's API key is then
// refused with 403 tenant-suspended — resumes it (the key works again), overrides its monthly
// purchase limit and puts the plan's limit back, and opens the sign-ups. Then someone of the
// platform realm who is not an operator is told there is no access.
//
// The journey leaves the tenant as it found it (active, no overrides), so it can run again.
//
//   BLOOM_URL                          e.g. http://localhost:9080
//   OPERATOR_USERNAME, OPERATOR_PASSWORD   a user of the platform realm with platform-operator
//   OTHER_USERNAME, OTHER_PASSWORD     a user of the platform realm without it
//   TENANT                             a partner's slug (active, no limit overrides)
//   PARTNER_API_KEY                    an API key of that partner with purchases:read
//   SCREENSHOT                         where to write the PNG of the tenant's page (and, with
//                                      -no-access before .png, the refusal)
//   E2E_TIMEOUT_MS, E2E_RUN_WAITS, CHROMIUM   as for the other journeys
import { CheckFailed, check, pass, poll, required, run, signIn, textOf } from './support.mjs';

const bloomUrl = required('BLOOM_URL').replace(/\/+$/, '');
const operator = {
  username: required('OPERATOR_USERNAME'),
  password: required('OPERATOR_PASSWORD'),
};
const other = { username: required('OTHER_USERNAME'), password: required('OTHER_PASSWORD') };
const tenant = required('TENANT');
const apiKey = required('PARTNER_API_KEY');
const screenshot = required('SCREENSHOT');
const override = 12345;

/** What the partner's key gets from the API right now: the status and the problem type. */
async function keyAnswer() {
  const response = await fetch(`${bloomUrl}/api/v1/purchases?limit=1`, {
    headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' },
  });
  const body = await response.text();
  let type = '';
  try {
    type = JSON.parse(body).type ?? '';
  } catch {
    // not JSON: the status says enough
  }
  return { status: response.status, type };
}

/**
 * Text with every kind of space (Intl's narrow no-break space included) as a plain one.
 * @param {string | null} text
 */
const plain = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

/** @param {import('playwright-core').Page} page @param {string} status */
async function detailStatus(page, status) {
  return poll(`the tenant's status ${status}`, async () => {
    const badge = page.locator('[data-testid="tenant-detail-status"] [data-status]').first();
    return (await badge.getAttribute('data-status')) === status ? status : undefined;
  });
}

/** @param {import('playwright-core').Page} page @param {string} expected */
async function savedNote(page, expected) {
  return poll(`the note "${expected}"`, async () => {
    const text = await textOf(page, 'ops-saved').catch(() => '');
    return text.includes(expected) ? text : undefined;
  });
}

run(screenshot, async (page) => {
  const opsUrl = `${bloomUrl}/#/ops`;
  await page.goto(opsUrl, { waitUntil: 'load' });
  await page.getByTestId('signin').waitFor({ state: 'visible' });
  pass(`the operator's console ${opsUrl} offers sign-in`);
  await page.getByTestId('signin').click();
  const arrived = await signIn(page, { ...operator, arrived: ['ops-title', 'ops-no-access'] });
  check(arrived === 'ops-title', `the operator ${operator.username} is in the console`);
  const listed = await poll('the tenants', async () => {
    const count = await page.getByTestId('tenant-row').count();
    return count > 0 ? count : undefined;
  });
  pass(`the console lists ${listed} tenants`);

  // Find the partner by its slug.
  await page.getByTestId('tenant-search').fill(tenant.toUpperCase());
  await page.getByTestId('tenant-search-run').click();
  const row = page.locator(`[data-testid="tenant-row"][data-slug="${tenant}"]`);
  await poll(`only ${tenant} in the list`, async () =>
    (await page.getByTestId('tenant-row').count()) === 1 && (await row.count()) === 1
      ? true
      : undefined,
  );
  const status = plain(await row.getByTestId('tenant-status').textContent());
  const plan = plain(await row.getByTestId('tenant-plan').textContent());
  const usage = plain(await row.getByTestId('tenant-usage').textContent());
  check(
    status === 'Активен',
    `searching "${tenant.toUpperCase()}" finds only ${tenant}: ${status}`,
  );
  check(
    plan.length > 0 && /^\d[\d ]* (из \d[\d ]*|· без лимита)/.test(usage),
    `the row shows the plan ${plan} and purchases against the limit: ${usage}`,
  );

  await row.getByTestId('tenant-open').click();
  await page.getByTestId('tenant-title').waitFor({ state: 'visible' });
  await detailStatus(page, 'ACTIVE');
  pass(`the tenant's page opens: ${await textOf(page, 'tenant-title')}`);
  const before = await keyAnswer();
  check(
    before.status === 200,
    `before the suspension the partner's key is served (${before.status})`,
  );

  // A suspension needs a reason; the server says so next to the field.
  await page.getByTestId('tenant-suspend').click();
  const refusal = await poll('the reason refused', async () => {
    const error = page.getByTestId('suspension-reason-error');
    return (await error.isVisible()) ? plain((await error.textContent()) ?? '') : undefined;
  });
  pass(`suspending without a reason is refused next to the field: ${refusal}`);
  const reason = `E2E: счёт не оплачен ${Date.now()}`;
  await page.getByTestId('suspension-reason').fill(reason);
  await page.getByTestId('tenant-suspend').click();
  await detailStatus(page, 'SUSPENDED');
  await savedNote(page, 'приостановлен');
  const shown = plain(await textOf(page, 'tenant-suspension'));
  check(shown.includes(reason), `the tenant is suspended, with the reason: ${shown}`);
  const refused = await keyAnswer();
  check(
    refused.status === 403 && refused.type.endsWith('/tenant-suspended'),
    `the suspended partner's API key is refused: ${refused.status} ${refused.type}`,
  );
  await page.screenshot({ path: screenshot, fullPage: true });
  pass(`screenshot written to ${screenshot}`);

  await page.getByTestId('tenant-resume').click();
  await detailStatus(page, 'ACTIVE');
  await savedNote(page, 'возобновлён');
  const after = await keyAnswer();
  check(
    after.status === 200,
    `after resuming, the partner's key is served again (${after.status})`,
  );

  // Override the monthly purchase limit, see it in force, and put the plan's limit back.
  await page.getByTestId('override-purchasesPerMonth-mode').selectOption('value');
  await page.getByTestId('override-purchasesPerMonth-value').fill(String(override));
  await page.getByTestId('subscription-save').click();
  await savedNote(page, 'сохранены');
  const line = await poll('the purchases line with the override', async () => {
    const text = plain(
      (await page.locator('[data-testid="usage-line"][data-metric="purchases"]').textContent()) ??
        '',
    );
    return text.includes('из 12 345') ? text : undefined;
  });
  pass(`the override is in force: ${line}`);
  await page.getByTestId('override-purchasesPerMonth-mode').selectOption('plan');
  await page.getByTestId('subscription-save').click();
  await poll('the override removed', async () => {
    const text = plain(
      (await page.locator('[data-testid="usage-line"][data-metric="purchases"]').textContent()) ??
        '',
    );
    const mode = await page.getByTestId('override-purchasesPerMonth-mode').inputValue();
    return !text.includes('12 345') && mode === 'plan' ? true : undefined;
  });
  pass("the plan's own limit is back");

  // The sign-ups.
  await page.getByTestId('ops-nav-signups').click();
  await page.getByTestId('signups-panel').waitFor({ state: 'visible' });
  const signUps = await page.getByTestId('signup-row').count();
  pass(`the sign-ups are listed (${signUps} shown)`);

  // Someone of the platform realm who is not an operator.
  await page.getByTestId('signout').click();
  await page.getByTestId('signin').waitFor({ state: 'visible' });
  pass('signed out, back at the sign-in');
  await page.getByTestId('signin').click();
  const otherArrived = await signIn(page, { ...other, arrived: ['ops-title', 'ops-no-access'] });
  if (otherArrived !== 'ops-no-access') {
    throw new CheckFailed(`${other.username} was let into the operator's console`);
  }
  const denied = await textOf(page, 'ops-no-access');
  check(denied.includes('Нет доступа'), `${other.username}, not an operator, sees "no access"`);
  const noAccessShot = screenshot.replace(/(\.png)?$/, '-no-access.png');
  await page.screenshot({ path: noAccessShot });
  pass(`screenshot written to ${noAccessShot}`);
});
