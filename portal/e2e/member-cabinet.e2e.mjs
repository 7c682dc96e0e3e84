// Browser journey: a member signs in to the club's cabinet and sees the passport, tier progress
// and purchase history. Runs against a live Bloom server and Keycloak; started by the Java test
// harness (or `npm run e2e`) with the environment below. Prints one line per check; exits 0 when
// all pass, 1 on the first failure (with a `-failure` screenshot next to SCREENSHOT).
//
//   BLOOM_URL             e.g. http://localhost:9080
//   CLUB                  club slug, e.g. bloom-care
//   MEMBER_USERNAME       the member's login in the club realm
//   MEMBER_PASSWORD
//   EXPECT_PASSPORT       the member's passport code
//   EXPECT_MIN_PURCHASES  how many history rows at least
//   SCREENSHOT            where to write the PNG of the cabinet
//   EXPECT_TERMS          optional, 1: the club's new terms must be shown and are accepted in the
//                         cabinet (otherwise they are accepted only if shown)
//   EXPECT_INVITATION     optional, 1: an Inner Circle invitation must be shown; it is accepted and
//                         the passport must then carry the Inner Circle badge
//   EXPECT_CROSS_CREDITS  optional, 0: the member has no cross-credits to check (default: checked)
//   E2E_TIMEOUT_MS        optional, per wait (default 30000)
//   CHROMIUM              optional, default /usr/bin/chromium (Debian's; browsers are never downloaded)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const WAIT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);
/** The whole run may not take longer than this, whatever hangs. */
const RUN_LIMIT_MS = WAIT_MS * 6;

/** Where Keycloak's login themes (v1 and v2) put a refusal such as "Invalid username or password". */
const LOGIN_ERROR = '[id^="input-error"], .kc-feedback-text, #kc-error-message, .alert-error';

/** @param {string} name */
function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

/** @param {string} screenshot */
function failureScreenshotPath(screenshot) {
  return screenshot.endsWith('.png')
    ? `${screenshot.slice(0, -'.png'.length)}-failure.png`
    : `${screenshot}-failure.png`;
}

/** @param {string} message */
function pass(message) {
  console.log(`ok - ${message}`);
}

class CheckFailed extends Error {}

/** @param {boolean} condition @param {string} message */
function check(condition, message) {
  if (!condition) throw new CheckFailed(message);
  pass(message);
}

/**
 * Polls `probe` until it returns a value other than undefined, across page navigations.
 * @template T
 * @param {string} what
 * @param {() => Promise<T | undefined>} probe
 * @returns {Promise<T>}
 */
async function poll(what, probe) {
  const deadline = Date.now() + WAIT_MS;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const result = await probe();
      if (result !== undefined) return result;
    } catch (error) {
      lastError = error; // the page is navigating; try again
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new CheckFailed(`timed out after ${WAIT_MS} ms waiting for ${what}${cause}`);
}

/** @param {import('playwright-core').Page} page @param {string} selector */
async function visible(page, selector) {
  return page
    .locator(selector)
    .first()
    .isVisible()
    .catch(() => false);
}

/** @param {import('playwright-core').Page} page @param {string} testid */
async function textOf(page, testid) {
  return ((await page.getByTestId(testid).first().textContent()) ?? '').trim();
}

async function main() {
  const bloomUrl = required('BLOOM_URL').replace(/\/+$/, '');
  const club = required('CLUB');
  const username = required('MEMBER_USERNAME');
  const password = required('MEMBER_PASSWORD');
  const expectPassport = required('EXPECT_PASSPORT');
  const expectMinPurchases = Number(required('EXPECT_MIN_PURCHASES'));
  const screenshot = required('SCREENSHOT');
  const expectTerms = process.env.EXPECT_TERMS === '1';
  const expectInvitation = process.env.EXPECT_INVITATION === '1';
  const expectCrossCredits = process.env.EXPECT_CROSS_CREDITS !== '0';
  if (!Number.isInteger(expectMinPurchases) || expectMinPurchases < 0) {
    throw new Error('EXPECT_MIN_PURCHASES must be a non-negative integer');
  }

  const profile = mkdtempSync(path.join(tmpdir(), 'bloom-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
    timeout: WAIT_MS,
  });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  /** @type {string[]} */
  const browserLog = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      browserLog.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => browserLog.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    browserLog.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
  );

  try {
    const cabinetUrl = `${bloomUrl}/#/c/${club}`;
    await page.goto(cabinetUrl, { waitUntil: 'load' });
    await page.getByTestId('signin').waitFor({ state: 'visible' });
    pass(`club page ${cabinetUrl} offers sign-in`);

    await page.getByTestId('signin').click();
    await page.locator('#username').waitFor({ state: 'visible' });
    pass(`sign-in leads to the identity provider (${new URL(page.url()).origin})`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.locator('#kc-login').click();

    // Back in the portal, or stopped by one of Keycloak's required actions or a login error.
    let acceptedTerms = false;
    const outcome = await poll('the cabinet after login', async () => {
      if (await visible(page, '[data-testid="passport-code"]')) return 'cabinet';
      if (await visible(page, '[data-testid="consent-terms"]')) return 'terms';
      if (await visible(page, '[data-testid="error"]')) return 'error';
      if (!acceptedTerms && (await visible(page, '#kc-accept'))) {
        await page.locator('#kc-accept').click();
        acceptedTerms = true;
        pass('accepted the terms and conditions');
        return undefined;
      }
      if (await visible(page, '#password-new')) return 'update-password';
      if (await visible(page, '#kc-update-profile-form')) return 'update-profile';
      if (await visible(page, LOGIN_ERROR)) return 'login-error';
      return undefined;
    });
    switch (outcome) {
      case 'update-password':
        throw new CheckFailed(
          `Keycloak asks ${username} to update the password: the member's credential must not be temporary`,
        );
      case 'update-profile':
        throw new CheckFailed(
          `Keycloak asks ${username} to update the profile: the member's account is missing required attributes`,
        );
      case 'login-error': {
        const message = await page.locator(LOGIN_ERROR).first().textContent();
        throw new CheckFailed(`Keycloak refused the login: ${(message ?? '').trim()}`);
      }
      case 'error':
        throw new CheckFailed(`the portal shows an error: ${await textOf(page, 'error')}`);
    }
    pass(`signed in as ${username}, back at ${page.url()}`);

    if (outcome === 'terms') {
      const text = await textOf(page, 'consent-terms');
      check(text.length > 0, "the cabinet asks to accept the club's current terms first");
      await page.getByTestId('consent-accept-terms').click();
      await page.getByTestId('passport-code').waitFor({ state: 'visible' });
      pass("accepted the club's terms in the cabinet");
    } else if (expectTerms) {
      throw new CheckFailed("the cabinet did not ask to accept the club's new terms");
    }

    if (expectInvitation) {
      await page.getByTestId('invitation').waitFor({ state: 'visible' });
      pass(`invitation shown: ${await textOf(page, 'invitation')}`);
      await page.getByTestId('invitation-accept').click();
      const badge = await poll('the Inner Circle badge on the passport', async () => {
        const shown = await visible(page, '[data-testid="inner-circle-badge"]');
        return shown ? await textOf(page, 'inner-circle-badge') : undefined;
      });
      check(badge.length > 0, `the passport carries the badge "${badge}"`);
      check(
        (await page.getByTestId('invitation').count()) === 0,
        'the answered invitation is gone',
      );
    }

    const passport = await poll(`passport code ${expectPassport}`, async () => {
      const text = await textOf(page, 'passport-code');
      return text === expectPassport ? text : undefined;
    }).catch(async (error) => {
      const shown = await textOf(page, 'passport-code').catch(() => '(none)');
      throw new CheckFailed(`${error.message}; the page shows "${shown}"`);
    });
    check(passport === expectPassport, `passport code is ${expectPassport}`);

    const memberName = await textOf(page, 'member-name');
    check(memberName.length > 0, `greeting names the member (${memberName})`);

    const qrWidth = await page
      .waitForFunction(
        () => {
          const img = document.querySelector('[data-testid="passport-qr"]');
          return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0
            ? img.naturalWidth
            : false;
        },
        null,
        { timeout: WAIT_MS },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => 0);
    check(Number(qrWidth) > 0, `passport QR image loaded (natural width ${qrWidth})`);

    const rows = await poll(`at least ${expectMinPurchases} purchase rows`, async () => {
      const count = await page.getByTestId('purchase-row').count();
      return count >= expectMinPurchases ? count : undefined;
    }).catch(async (error) => {
      const count = await page.getByTestId('purchase-row').count();
      throw new CheckFailed(`${error.message}; the page shows ${count}`);
    });
    check(
      rows >= expectMinPurchases,
      `purchase history has ${rows} rows (>= ${expectMinPurchases})`,
    );

    const progress = await textOf(page, 'tier-progress');
    check(progress.length > 0, `tier progress says "${progress}"`);
    pass(`points ${await textOf(page, 'points-balance')}, tier ${await textOf(page, 'tier-name')}`);
    if (expectCrossCredits) {
      const crossCredits = await textOf(page, 'balance-cross-credits');
      check(
        /сгорят/.test(crossCredits) && /других партнёров/.test(crossCredits),
        `cross-credits shown with where they pay and when they expire: "${crossCredits}"`,
      );
    }

    await page.getByTestId('request-redemption-code').click();
    const code = await poll('a one-time redemption code', async () => {
      const text = await textOf(page, 'redemption-code');
      return /\b\d{6}\b/.test(text) ? text : undefined;
    });
    pass(`one-time code for paying with points: ${code}`);

    await page.getByTestId('email-redemption-code').click();
    const emailed = await poll('the code sent by e-mail', async () => {
      const text = await textOf(page, 'redemption-code');
      return /Код отправлен на \S+@/.test(text) ? text : undefined;
    });
    pass(`one-time code sent by e-mail: ${emailed}`);

    await page.getByTestId('enrol-totp').click();
    const totp = await poll('the passport code (TOTP)', async () => {
      const text = await textOf(page, 'totp-code');
      return /^\d{6}$/.test(text) ? text : undefined;
    });
    pass(`passport code (TOTP) shown: ${totp}`);
    await page.getByTestId('disable-totp').click();
    await poll('the passport code turned off', async () =>
      (await page.getByTestId('enrol-totp').count()) > 0 ? true : undefined,
    );
    pass('passport code (TOTP) turned off again');

    await page.screenshot({ path: screenshot, fullPage: true });
    pass(`screenshot written to ${screenshot}`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(`not ok - ${message}`);
    console.log(`  at ${page.url()}`);
    for (const line of browserLog) console.log(`  ${line}`);
    const failureShot = failureScreenshotPath(screenshot);
    await page
      .screenshot({ path: failureShot, fullPage: true, timeout: 10_000 })
      .then(() => console.log(`  failure screenshot: ${failureShot}`))
      .catch((shotError) => console.log(`  no failure screenshot: ${shotError.message}`));
    return 1;
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

const watchdog = setTimeout(() => {
  console.log(`not ok - the run took longer than ${RUN_LIMIT_MS} ms and was stopped`);
  process.exit(1);
}, RUN_LIMIT_MS);
watchdog.unref();

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.log(`not ok - ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
