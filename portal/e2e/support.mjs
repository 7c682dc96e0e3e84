// Shared pieces of the browser journeys: Debian's Chromium through playwright-core (browsers are
// never downloaded), bounded waits, `ok - …` / `not ok - …` lines, signing in on Keycloak's page,
// and a failure screenshot. Each journey is one `run(...)` call.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const WAIT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);

/** Where Keycloak's login themes (v1 and v2) put a refusal such as "Invalid username or password". */
const LOGIN_ERROR = '[id^="input-error"], .kc-feedback-text, #kc-error-message, .alert-error';

/** @param {string} name */
export function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

/** @param {string} message */
export function pass(message) {
  console.log(`ok - ${message}`);
}

export class CheckFailed extends Error {}

/** @param {boolean} condition @param {string} message */
export function check(condition, message) {
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
export async function poll(what, probe) {
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
export async function visible(page, selector) {
  return page
    .locator(selector)
    .first()
    .isVisible()
    .catch(() => false);
}

/** @param {import('playwright-core').Page} page @param {string} testid */
export async function textOf(page, testid) {
  return ((await page.getByTestId(testid).first().textContent()) ?? '').trim();
}

/**
 * On Keycloak's login page: signs in, accepts the terms if asked, and waits until the portal
 * shows one of `arrived` (test ids). Fails clearly on a required action or a refused login.
 * @param {import('playwright-core').Page} page
 * @param {{ username: string, password: string, arrived: string[] }} login
 * @returns {Promise<string>} the test id that appeared
 */
export async function signIn(page, { username, password, arrived }) {
  await page.locator('#username').waitFor({ state: 'visible' });
  pass(`sign-in leads to the identity provider (${new URL(page.url()).origin})`);
  await page.locator('#username').fill(username);
  if (!(await visible(page, '#password'))) {
    // Realms with organizations (the platform realm) ask for the username first, then the password.
    await page.locator('#kc-login').click();
    await page.locator('#password').waitFor({ state: 'visible' });
  }
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();

  let acceptedTerms = false;
  const outcome = await poll(`the portal after login as ${username}`, async () => {
    for (const testid of arrived) {
      if (await visible(page, `[data-testid="${testid}"]`)) return testid;
    }
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
        `Keycloak asks ${username} to update the password: the credential must not be temporary`,
      );
    case 'update-profile':
      throw new CheckFailed(
        `Keycloak asks ${username} to update the profile: the account is missing required attributes`,
      );
    case 'login-error': {
      const message = await page.locator(LOGIN_ERROR).first().textContent();
      throw new CheckFailed(`Keycloak refused the login: ${(message ?? '').trim()}`);
    }
    case 'error':
      throw new CheckFailed(`the portal shows an error: ${await textOf(page, 'error')}`);
  }
  pass(`signed in as ${username}, back at ${page.url()}`);
  return outcome;
}

/** @param {string} screenshot */
function failureScreenshotPath(screenshot) {
  return screenshot.endsWith('.png')
    ? `${screenshot.slice(0, -'.png'.length)}-failure.png`
    : `${screenshot}-failure.png`;
}

/**
 * Runs a journey in a fresh Chromium profile and exits: 0 when it returns, 1 on the first failure
 * (after printing the browser's errors and writing `<SCREENSHOT without .png>-failure.png`).
 * The whole run is bounded by a watchdog.
 * `device` sets another screen than the desktop default (a phone: `{ width: 360, height: 740 }`,
 * touch, a mobile user agent's layout).
 * @param {string} screenshot
 * @param {(page: import('playwright-core').Page) => Promise<void>} journey
 * @param {{ viewport?: { width: number, height: number }, mobile?: boolean }} [device]
 */
export function run(screenshot, journey, device = {}) {
  const limit = WAIT_MS * Number(process.env.E2E_RUN_WAITS ?? 6);
  const watchdog = setTimeout(() => {
    console.log(`not ok - the run took longer than ${limit} ms and was stopped`);
    process.exit(1);
  }, limit);
  watchdog.unref();

  inBrowser(screenshot, journey, device)
    .then((code) => process.exit(code))
    .catch((error) => {
      console.log(`not ok - ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}

/**
 * @param {string} screenshot
 * @param {(page: import('playwright-core').Page) => Promise<void>} journey
 * @param {{ viewport?: { width: number, height: number }, mobile?: boolean }} device
 */
async function inBrowser(screenshot, journey, device) {
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
    viewport: device.viewport ?? { width: 1280, height: 900 },
    ...(device.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    locale: 'ru-RU',
    timeout: WAIT_MS,
  });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  /** @type {string[]} */
  const browserLog = [];
  /**
   * Content-Security-Policy violations on Bloom's own pages (Keycloak's pages have their own).
   * @type {string[]}
   */
  const cspViolations = [];
  const bloomOrigin = (process.env.BLOOM_URL ?? '').replace(/\/+$/, '');
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      browserLog.push(`console.${message.type()}: ${message.text()}`);
    }
    if (
      /Content Security Policy/i.test(message.text()) &&
      bloomOrigin !== '' &&
      page.url().startsWith(bloomOrigin)
    ) {
      cspViolations.push(message.text());
    }
  });
  page.on('pageerror', (error) => browserLog.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    browserLog.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
  );

  try {
    await journey(page);
    // The portal must work under its Content-Security-Policy with nothing refused (issue 9).
    check(
      cspViolations.length === 0,
      `no Content-Security-Policy violation in the browser console ${cspViolations.join(' | ')}`,
    );
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
