// Browser journey: a person registered at a partner's counter opens the link she was given, signs
// in to the club's realm, accepts the club's terms on the confirmation page, and lands in her
// cabinet with the passport and points credited since the counter. Runs against a live Bloom server
// and Keycloak; started by the Java test harness with the environment below. Prints one line per
// check; exits 0 when all pass, 1 on the first failure (with a `-failure` screenshot next to
// SCREENSHOT).
//
//   CONFIRM_URL       the link from the e-mail (`…/#/c/<club>/confirm/<token>`)
//   MEMBER_USERNAME   the person's login in the club realm
//   MEMBER_PASSWORD
//   EXPECT_PASSPORT   the passport code given at the counter
//   EXPECT_POINTS     the points balance the cabinet must show
//   SCREENSHOT        where to write the PNG of the cabinet
//   E2E_TIMEOUT_MS    optional, per wait (default 30000)
//   CHROMIUM          optional, default /usr/bin/chromium (Debian's; browsers are never downloaded)
import { check, pass, poll, required, run, signIn, textOf } from './support.mjs';

const confirmUrl = required('CONFIRM_URL');
const username = required('MEMBER_USERNAME');
const password = required('MEMBER_PASSWORD');
const expectPassport = required('EXPECT_PASSPORT');
const expectPoints = required('EXPECT_POINTS');
const screenshot = required('SCREENSHOT');

run(screenshot, async (page) => {
  await page.goto(confirmUrl, { waitUntil: 'load' });
  await page.getByTestId('confirm-signin').waitFor({ state: 'visible' });
  pass('the link offers to sign in or register first');

  await page.getByTestId('signin').click();
  await signIn(page, { username, password, arrived: ['confirm-card'] });
  pass('back on the confirmation page after signing in');
  const terms = await textOf(page, 'confirm-terms');
  check(terms.length > 0, "the club's terms are shown before confirming");

  await page.getByTestId('confirm-registration').click();
  await page.getByTestId('passport-code').waitFor({ state: 'visible' });
  const passport = await textOf(page, 'passport-code');
  check(passport.includes(expectPassport), `the cabinet shows the passport ${expectPassport}`);
  const balance = await poll('the points balance', async () => {
    const text = (await textOf(page, 'points-balance')).replace(/\D/g, '');
    return text === expectPoints ? text : undefined;
  });
  check(balance === expectPoints, `the points credited at the counter are shown: ${balance}`);
  await page.screenshot({ path: screenshot, fullPage: true });
  pass(`screenshot ${screenshot}`);
});
