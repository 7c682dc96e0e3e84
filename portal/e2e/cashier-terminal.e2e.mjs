// Browser journey of the cashier's web terminal on a phone (360×740, touch): the cashier (platform
// realm, role cashier in the partner's organization) signs in at #/t/<partner>, looks a member up
// by her passport code, records a purchase and sees the points and the progress. Then the network
// drops (context.setOffline): the screen says so, two purchases are queued on the device
// (IndexedDB), the page is reloaded without network and opens from the service worker with the
// queue kept; one queued purchase is sent by this script with its own Idempotency-Key, as if the
// terminal's first attempt had reached the server and its answer had been lost. The network comes
// back: the terminal sends both, the queue empties. The Java side then checks through the API
// that each receipt was recorded exactly once. Last: a refund of the first receipt, a new member
// registered at the counter (with the confirmation link as a QR code), and the English screen.
//
//   BLOOM_URL                            e.g. http://localhost:9080
//   CASHIER_USERNAME, CASHIER_PASSWORD   a platform-realm user with role cashier in the partner
//   PARTNER                              the partner's slug
//   PASSPORT                             a member's passport code in a club of the partner
//   CATEGORY                             one of the partner's categories in that club
//   REGISTER_PHONE                       a phone number no member of the club has
//   RESULT_FILE                          where to write the receipt numbers used (JSON)
//   SCREENSHOT                           the PNG of the first purchase; -offline/-synced beside it
//   E2E_TIMEOUT_MS, E2E_RUN_WAITS, CHROMIUM   as for the other journeys
import { writeFileSync } from 'node:fs';
import { CheckFailed, check, pass, poll, required, run, signIn, textOf } from './support.mjs';

const bloomUrl = required('BLOOM_URL').replace(/\/+$/, '');
const cashier = { username: required('CASHIER_USERNAME'), password: required('CASHIER_PASSWORD') };
const partner = required('PARTNER');
const passport = required('PASSPORT');
const category = required('CATEGORY');
const registerPhone = required('REGISTER_PHONE');
const resultFile = required('RESULT_FILE');
const screenshot = required('SCREENSHOT');
/** @param {string} suffix */
const shot = (suffix) => screenshot.replace(/\.png$/, `-${suffix}.png`);

/** @param {import('playwright-core').Page} page @param {string} testid @param {string} name */
async function attribute(page, testid, name) {
  return page.getByTestId(testid).first().getAttribute(name);
}

/**
 * Records a purchase on the screen; returns its receipt number.
 * @param {import('playwright-core').Page} page
 * @param {string} amount
 */
async function purchase(page, amount) {
  await page.getByTestId('terminal-amount').fill(amount);
  await page.getByTestId('terminal-category').selectOption(category);
  const receipt = await page.getByTestId('terminal-receipt').inputValue();
  await page.getByTestId('terminal-submit').click();
  return receipt;
}

/**
 * The queued purchases as the terminal keeps them (IndexedDB `bloom-terminal`, store `purchases`).
 * @param {import('playwright-core').Page} page
 */
async function outbox(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('bloom-terminal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('purchases').objectStore('purchases').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            resolve(all.result);
            open.result.close();
          };
        };
      }),
  );
}

/**
 * The signed-in cashier's access token, as oidc-client-ts keeps it in sessionStorage.
 * @param {import('playwright-core').Page} page
 */
async function accessToken(page) {
  return page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (key && key.startsWith('oidc.user:')) {
        return JSON.parse(sessionStorage.getItem(key) ?? '{}').access_token ?? null;
      }
    }
    return null;
  });
}

run(
  screenshot,
  async (page) => {
    const context = page.context();
    const terminalUrl = `${bloomUrl}/#/t/${partner}`;
    await page.goto(terminalUrl, { waitUntil: 'load' });
    await page.getByTestId('signin').waitFor({ state: 'visible' });
    pass(`the terminal ${terminalUrl} offers sign-in`);
    await page.getByTestId('signin').click();
    const arrived = await signIn(page, { ...cashier, arrived: ['terminal', 'terminal-no-access'] });
    check(arrived === 'terminal', `the cashier ${cashier.username} is at the terminal`);

    // Made for a phone: nothing wider than the screen, big touch targets.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 360, `the terminal fits a 360 px screen (content width ${width} px)`);
    const submitBox = await page.getByTestId('terminal-submit').boundingBox();
    const findBox = await page.getByTestId('terminal-lookup').boundingBox();
    check(
      (submitBox?.height ?? 0) >= 44 && (findBox?.height ?? 0) >= 44,
      `touch targets are at least 44 px high (submit ${submitBox?.height}, find ${findBox?.height})`,
    );
    check(
      (await attribute(page, 'terminal-network', 'data-state')) === 'online',
      'the terminal says it is online',
    );

    // Look the member up.
    await page.getByTestId('terminal-passport').fill(passport.toLowerCase());
    await page.getByTestId('terminal-lookup').click();
    await page.getByTestId('terminal-member').waitFor({ state: 'visible' });
    const tier = await textOf(page, 'terminal-member-tier');
    const balanceBefore = await textOf(page, 'terminal-member-balance');
    const memberProgress = await textOf(page, 'terminal-member-progress');
    check(
      tier !== '' && tier !== '—' && memberProgress !== '',
      `the member is shown: tier ${tier}, ${balanceBefore} points, "${memberProgress}"`,
    );
    const options = await page
      .getByTestId('terminal-category')
      .locator('option')
      .evaluateAll((all) => all.map((o) => o.getAttribute('value')));
    check(options.includes(category), `only the partner's categories are offered (${options})`);

    // A purchase online: points earned and progress to tell the member.
    const online = await purchase(page, '1500');
    await page.getByTestId('terminal-points-earned').waitFor({ state: 'visible' });
    const earned = await textOf(page, 'terminal-points-earned');
    const progress = await textOf(page, 'terminal-result-progress');
    check(/^\+\s?\d/.test(earned), `the purchase ${online} earned ${earned}`);
    check(progress !== '', `the progress to tell the member: "${progress}"`);
    check(
      (await attribute(page, 'terminal-result', 'data-receipt')) === online,
      'the result is the receipt just recorded',
    );
    await page.screenshot({ path: screenshot, fullPage: true });

    // The installable app: its service worker runs before the network goes.
    const worker = await poll('the service worker to be active', async () =>
      (await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration('/');
        return registration?.active?.state === 'activated';
      }))
        ? true
        : undefined,
    );
    check(worker, 'the service worker is installed and active');

    // Offline: two purchases are queued on the device.
    await context.setOffline(true);
    await poll('the terminal to say it is offline', async () =>
      (await attribute(page, 'terminal-network', 'data-state')) === 'offline' ? true : undefined,
    );
    pass('the network dropped and the terminal says so');
    const first = await purchase(page, '700');
    await page.getByTestId('terminal-queued').waitFor({ state: 'visible' });
    await poll('one queued purchase', async () =>
      (await attribute(page, 'terminal-queue', 'data-count')) === '1' ? true : undefined,
    );
    const second = await purchase(page, '800');
    await poll('two queued purchases', async () =>
      (await attribute(page, 'terminal-queue', 'data-count')) === '2' ? true : undefined,
    );
    check(first !== second, `two purchases are queued on the device: ${first}, ${second}`);
    await page.screenshot({ path: shot('offline'), fullPage: true });

    // Still offline, the terminal opens again from the device with its queue.
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('terminal').waitFor({ state: 'visible' });
    await poll('the queue after the reload', async () =>
      (await attribute(page, 'terminal-queue', 'data-count')) === '2' ? true : undefined,
    );
    check(
      (await page.getByTestId('terminal-outbox-row').count()) === 2,
      'reloaded without network, the terminal opens from the service worker with both purchases queued',
    );

    // The first queued purchase reached the server before, its answer lost: send it here with the
    // key the terminal gave it; the terminal's own resend must not record it again.
    const items = /** @type {{ key: string, request: { receiptNumber: string } }[]} */ (
      await outbox(page)
    );
    const lost = items.find((item) => item.request.receiptNumber === first);
    if (!lost) throw new CheckFailed(`${first} is not in the queue on the device`);
    check(/^[0-9a-f-]{36}$/.test(lost.key), `${first} waits with its key`);
    const token = await accessToken(page);
    const early = await fetch(`${bloomUrl}/api/v1/purchases`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Idempotency-Key': lost.key,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(lost.request),
    });
    check(early.status === 201, `${first} reached the server once already (${early.status})`);

    // Back online: both are sent, the queue empties.
    await context.setOffline(false);
    await poll('the queue to empty', async () =>
      (await attribute(page, 'terminal-queue', 'data-count')) === '0' ? true : undefined,
    );
    const sent = await page
      .getByTestId('terminal-sent-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-receipt')));
    check(
      sent.includes(first) && sent.includes(second),
      `back online, the terminal sent both: ${sent.join(', ')}`,
    );
    check(
      (await page.getByTestId('terminal-outbox-row').count()) === 0,
      'nothing is left in the queue on the device',
    );
    await page.screenshot({ path: shot('synced'), fullPage: true });
    writeFileSync(resultFile, JSON.stringify({ online, offline: [first, second] }));

    // A refund by receipt.
    await page.getByTestId('terminal-mode-refund').click();
    await page.getByTestId('terminal-refund-receipt').fill(online);
    await page.getByTestId('terminal-refund-amount').fill('500');
    await page.getByTestId('terminal-refund-submit').click();
    await page.getByTestId('terminal-points-reversed').waitFor({ state: 'visible' });
    pass(`the refund of ${online}: ${await textOf(page, 'terminal-points-reversed')}`);

    // A new member at the counter: her passport, and the link to confirm as a QR code.
    await page.getByTestId('terminal-mode-register').click();
    await page.getByTestId('terminal-register-phone').fill(registerPhone);
    await page.getByTestId('terminal-register-submit').click();
    await page.getByTestId('terminal-register-result').waitFor({ state: 'visible' });
    const registered = await attribute(page, 'terminal-register-result', 'data-passport');
    await page.locator('[data-testid="terminal-register-qr"] svg').waitFor({ state: 'visible' });
    await page.getByTestId('terminal-member-unconfirmed').waitFor({ state: 'visible' });
    check(
      (registered ?? '').length > 0,
      `a new member is registered at the counter (${registered}), her link shown as a QR code`,
    );
    await page.screenshot({ path: shot('registered'), fullPage: true });

    // The same screen in English.
    await page.getByTestId('lang-switch').click();
    await poll('the English screen', async () =>
      (await textOf(page, 'terminal-mode-purchase')) === 'Purchase' ? true : undefined,
    );
    pass('the terminal speaks English after the switch');
  },
  { viewport: { width: 360, height: 740 }, mobile: true },
);
