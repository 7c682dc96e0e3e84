// Browser journey: a staff invitation mailed to an address that already had a login (ADR 0027).
// The person opens the link from the mail, signs in with that login, accepts, and lands in the
// club's console with the role (the session is renewed, so the token carries it). Prints one line
// per check; exits 0 when all pass, 1 on the first failure (with a `-failure` screenshot next to
// SCREENSHOT).
//
//   INVITATION_URL    the link from the e-mail (`…/#/c/<club>/staff-invitation/<token>`)
//   USERNAME          the invited login (its address verified)
//   PASSWORD
//   SCREENSHOT        where to write the PNG of the console
//   E2E_TIMEOUT_MS    optional, per wait (default 30000)
//   CHROMIUM          optional, default /usr/bin/chromium (Debian's; browsers are never downloaded)
import { check, pass, poll, required, run, signIn, visible } from './support.mjs';

const invitationUrl = required('INVITATION_URL');
const username = required('USERNAME');
const password = required('PASSWORD');
const screenshot = required('SCREENSHOT');

run(screenshot, async (page) => {
  await page.goto(invitationUrl, { waitUntil: 'load' });
  await page.getByTestId('staff-invitation-signin').waitFor({ state: 'visible' });
  pass('the invitation asks to sign in with the invited login first');

  await page.getByTestId('signin').click();
  await signIn(page, { username, password, arrived: ['staff-invitation'] });
  pass('back on the invitation after signing in');

  await page.getByTestId('accept-staff-invitation').click();
  const shown = await poll('the console', async () => {
    if (await visible(page, '[data-testid="console-title"]')) return 'console';
    if (await visible(page, '[data-testid="console-no-access"]')) return 'no-access';
    return undefined;
  });
  check(page.url().includes('/console'), `the console opens: ${page.url()}`);
  check(shown === 'console', 'the console lets her in with the role just granted');
  await page.screenshot({ path: screenshot, fullPage: true });
  pass(`screenshot ${screenshot}`);
});
