// Browser journey of the partner's console: the partner's owner (platform realm, a member of the
// partner's organization) signs in at #/p/<partner>/console, sees its club with its categories,
// issues an API key — the secret is shown once; the key is handed to the Java side of the test
// (KEY_FILE), which calls the API with it and answers in KEY_FILE.checked — revokes it (the key is
// then refused with 401), invites a cashier by e-mail, is told next to the field that a made-up
// invitation code is unknown, and redeems a real code of another club: that club then appears.
// Last, the owner of another partner signs in at the same address and is told there is no access.
//
//   BLOOM_URL                        e.g. http://localhost:9080
//   OWNER_USERNAME, OWNER_PASSWORD   a platform-realm user with partner-owner in the partner
//   PARTNER                          the partner's slug
//   CLUB                             a club the partner belongs to (category CATEGORY)
//   CATEGORY                         one of the partner's categories in CLUB
//   INVITING_CLUB, INVITATION_CODE   another club and an invitation code it issued
//   CASHIER_EMAIL                    the address to invite as cashier
//   KEY_FILE                         where to hand the new key's secret to the Java side
//   SCREENSHOT                       where to write the PNG of the console
//   OTHER_USERNAME, OTHER_PASSWORD   the owner of another partner
//   E2E_TIMEOUT_MS, E2E_RUN_WAITS, CHROMIUM   as for the other journeys
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CheckFailed, check, pass, poll, required, run, signIn, textOf } from './support.mjs';

const bloomUrl = required('BLOOM_URL').replace(/\/+$/, '');
const owner = { username: required('OWNER_USERNAME'), password: required('OWNER_PASSWORD') };
const partner = required('PARTNER');
const club = required('CLUB');
const category = required('CATEGORY');
const invitingClub = required('INVITING_CLUB');
const invitationCode = required('INVITATION_CODE');
const cashier = required('CASHIER_EMAIL');
const keyFile = required('KEY_FILE');
const screenshot = required('SCREENSHOT');
const other = { username: required('OTHER_USERNAME'), password: required('OTHER_PASSWORD') };

/** @param {string | null} text */
const plain = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

/** @param {string} key */
async function keyStatus(key) {
  const response = await fetch(`${bloomUrl}/api/v1/purchases?limit=1`, {
    headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' },
  });
  return response.status;
}

run(screenshot, async (page) => {
  const consoleUrl = `${bloomUrl}/#/p/${partner}/console`;
  await page.goto(consoleUrl, { waitUntil: 'load' });
  await page.getByTestId('signin').waitFor({ state: 'visible' });
  pass(`the partner's console ${consoleUrl} offers sign-in`);
  await page.getByTestId('signin').click();
  const arrived = await signIn(page, { ...owner, arrived: ['partner-title', 'partner-no-access'] });
  check(arrived === 'partner-title', `the owner ${owner.username} is in the partner's console`);

  // Its club, with the categories it may report there.
  const clubRow = page.locator(`[data-testid="partner-club-row"][data-club="${club}"]`);
  await clubRow.waitFor({ state: 'visible' });
  const categories = plain(await clubRow.getByTestId('partner-club-categories').textContent());
  check(categories.includes(category), `the partner sees its club ${club} (${categories})`);

  // A new key: the secret shown once.
  await page.getByTestId('key-label').fill('E2E till');
  await page.getByTestId('key-create').click();
  const secret = await poll('the new key shown once', async () => {
    const text = plain(await page.getByTestId('key-secret').first().textContent());
    return text.startsWith('bk_') ? text : undefined;
  });
  const prefix = await page.getByTestId('key-issued').textContent();
  check(
    secret.startsWith('bk_live_') && (prefix ?? '').includes('больше он показан не будет'),
    'the new key is shown once, with a copy hint',
  );
  const row = await poll('the new key in the list', async () => {
    for (const candidate of await page.getByTestId('key-row').all()) {
      const shown = (await candidate.getAttribute('data-prefix')) ?? '';
      if (shown.length > 0 && secret.startsWith(shown)) return candidate;
    }
    return undefined;
  });
  pass(
    `the list shows the key by its prefix ${await row.getAttribute('data-prefix')}, not the secret`,
  );
  const listed = plain(await page.locator('[data-testid="partner-keys"] table').textContent());
  check(!listed.includes(secret), 'the list of keys does not show the secret');

  // The Java side calls the API with the key and says what it got.
  writeFileSync(keyFile, secret);
  const answered = await poll('the Java side to try the key', async () =>
    existsSync(`${keyFile}.checked`)
      ? readFileSync(`${keyFile}.checked`, 'utf8').trim()
      : undefined,
  );
  check(answered === '200', `the key works against GET /api/v1/purchases: ${answered}`);

  // Revoke it, after confirming.
  await row.getByTestId('key-revoke').click();
  await row.getByTestId('key-revoke-confirm').click();
  await poll('the key revoked', async () => {
    for (const candidate of await page.getByTestId('key-row').all()) {
      const shown = (await candidate.getAttribute('data-prefix')) ?? '';
      if (shown.length > 0 && secret.startsWith(shown)) {
        const status = await candidate.getByTestId('key-status').getAttribute('data-status');
        return status === 'revoked' ? true : undefined;
      }
    }
    return undefined;
  });
  const after = await keyStatus(secret);
  check(after === 401, `the revoked key is refused: ${after}`);

  // Invite a cashier.
  await page.getByTestId('staff-email').fill(cashier);
  await page.getByTestId('staff-role').selectOption('cashier');
  await page.getByTestId('staff-invite').click();
  const invited = page.locator(`[data-testid="staff-row"][data-email="${cashier}"]`);
  await invited.waitFor({ state: 'visible' });
  const status = await invited.getAttribute('data-status');
  check(status === 'invited', `the cashier ${cashier} is on the staff, ${status}`);
  pass(`note: ${await textOf(page, 'staff-saved')}`);

  // A made-up code is refused next to the field; nothing joins.
  await page.getByTestId('redeem-code').fill('AAAA-BBBB-CCCC-DDDD');
  await page.getByTestId('redeem-run').click();
  const refusal = await poll('the made-up code refused', async () => {
    const error = page.getByTestId('redeem-code-error');
    return (await error.isVisible()) ? plain(await error.textContent()) : undefined;
  });
  pass(`a made-up invitation code is refused next to the field: ${refusal}`);

  // The real code, typed loosely (lower case, spaces): the club appears.
  await page.getByTestId('redeem-code').fill(` ${invitationCode.toLowerCase()} `);
  await page.getByTestId('redeem-run').click();
  const joined = page.locator(`[data-testid="partner-club-row"][data-club="${invitingClub}"]`);
  await joined.waitFor({ state: 'visible' });
  check(
    (await joined.getAttribute('data-status')) === 'active',
    `after redeeming the code the club ${invitingClub} is listed`,
  );
  const clubs = await page.getByTestId('partner-club-row').count();
  pass(`the partner now belongs to ${clubs} clubs`);
  await page.screenshot({ path: screenshot, fullPage: true });
  pass(`screenshot written to ${screenshot}`);

  // The owner of another partner is not let in.
  await page.getByTestId('signout').click();
  await page.getByTestId('signin').waitFor({ state: 'visible' });
  pass('signed out, back at the sign-in');
  await page.getByTestId('signin').click();
  const otherArrived = await signIn(page, {
    ...other,
    arrived: ['partner-title', 'partner-no-access'],
  });
  if (otherArrived !== 'partner-no-access') {
    throw new CheckFailed(`${other.username} was let into the console of ${partner}`);
  }
  const denied = await textOf(page, 'partner-no-access');
  check(
    denied.includes('Нет доступа'),
    `${other.username}, another partner's owner, sees "no access"`,
  );
});
