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
import {
  CheckFailed,
  WAIT_MS,
  check,
  pass,
  poll,
  required,
  run,
  signIn,
  textOf,
  visible,
} from './support.mjs';

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

run(screenshot, async (page) => {
  const cabinetUrl = `${bloomUrl}/#/c/${club}`;
  await page.goto(cabinetUrl, { waitUntil: 'load' });
  await page.getByTestId('signin').waitFor({ state: 'visible' });
  pass(`club page ${cabinetUrl} offers sign-in`);

  await page.getByTestId('signin').click();
  const arrived = await signIn(page, {
    username,
    password,
    arrived: ['passport-code', 'consent-terms'],
  });

  if (arrived === 'consent-terms') {
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
    check((await page.getByTestId('invitation').count()) === 0, 'the answered invitation is gone');
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
  check(rows >= expectMinPurchases, `purchase history has ${rows} rows (>= ${expectMinPurchases})`);

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

  const policy = await page.evaluate(async () => {
    const response = await fetch('/', { cache: 'no-store' });
    return response.headers.get('content-security-policy') ?? '';
  });
  check(
    policy.includes("script-src 'self'") && policy.includes("frame-ancestors 'none'"),
    `the portal is served with its Content-Security-Policy (got: ${policy})`,
  );
  pass("the cabinet ran under the portal's Content-Security-Policy");

  await page.screenshot({ path: screenshot, fullPage: true });
  pass(`screenshot written to ${screenshot}`);
});
