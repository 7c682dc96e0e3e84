// Browser journey of webhooks in the partner's console: the partner's owner signs in at
// #/p/<partner>/console, registers a webhook endpoint for purchases at RECEIVER_URL — the signing
// secret is shown once and handed to the Java side (SECRET_FILE), which posts a purchase, verifies
// the signature its receiver got with that secret and answers in SECRET_FILE.checked — then opens
// the endpoint's delivery log (the message delivered), sends the message again, rotates the secret
// (shown once again) and disables the endpoint.
//
//   BLOOM_URL                        e.g. http://localhost:9080
//   OWNER_USERNAME, OWNER_PASSWORD   a platform-realm user with partner-owner in the partner
//   PARTNER                          the partner's slug
//   RECEIVER_URL                     the Java side's receiver
//   SECRET_FILE                      where to hand the secret to the Java side
//   SCREENSHOT                       where to write the PNG of the console
//   E2E_TIMEOUT_MS, E2E_RUN_WAITS, CHROMIUM   as for the other journeys
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { check, pass, poll, required, run, signIn } from './support.mjs';

const bloomUrl = required('BLOOM_URL').replace(/\/+$/, '');
const owner = { username: required('OWNER_USERNAME'), password: required('OWNER_PASSWORD') };
const partner = required('PARTNER');
const receiverUrl = required('RECEIVER_URL');
const secretFile = required('SECRET_FILE');
const screenshot = required('SCREENSHOT');

/** @param {string | null} text */
const plain = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

run(screenshot, async (page) => {
  await page.goto(`${bloomUrl}/#/p/${partner}/console`, { waitUntil: 'load' });
  await page.getByTestId('signin').waitFor({ state: 'visible' });
  await page.getByTestId('signin').click();
  const arrived = await signIn(page, { ...owner, arrived: ['partner-title', 'partner-no-access'] });
  check(arrived === 'partner-title', `the owner ${owner.username} is in the partner's console`);

  const section = page.getByTestId('partner-webhooks');
  await section.getByTestId('webhooks-none').waitFor({ state: 'visible' });
  pass('the webhooks section says there are none yet');
  await section.getByTestId('webhook-url').fill(receiverUrl);
  await section.getByTestId('webhook-description').fill('E2E receiver');
  await section.getByTestId('webhook-create').click();
  const secret = await poll('the secret shown once', async () => {
    const text = plain(await section.getByTestId('webhook-secret').first().textContent());
    return text.startsWith('whsec_') ? text : undefined;
  });
  check(secret.startsWith('whsec_'), 'the signing secret is shown once after registering');
  const endpoint = section.getByTestId('webhook-endpoint');
  await endpoint.waitFor({ state: 'visible' });
  check(
    !plain(await section.getByTestId('webhook-endpoints').textContent()).includes(secret),
    'the list of endpoints does not show the secret',
  );

  writeFileSync(secretFile, secret);
  const answered = await poll('the Java side to check the signature', async () =>
    existsSync(`${secretFile}.checked`)
      ? readFileSync(`${secretFile}.checked`, 'utf8').trim()
      : undefined,
  );
  check(answered === 'verified', `a purchase arrived signed with that secret: ${answered}`);

  await endpoint.getByTestId('webhook-show-log').click();
  const message = await poll('the message in the delivery log', async () => {
    const rows = await section.getByTestId('webhook-message').all();
    return rows.length > 0 ? rows[0] : undefined;
  });
  const status = plain(await message.getByTestId('webhook-message-status').textContent());
  check(status.startsWith('Доставлено'), `the log shows the message delivered: ${status}`);
  await message.getByTestId('webhook-attempts').click();
  await message.getByTestId('webhook-attempt').first().waitFor({ state: 'visible' });
  pass(`attempt: ${plain(await message.getByTestId('webhook-attempt').first().textContent())}`);
  await message.getByTestId('webhook-redeliver').click();
  pass('redelivery asked for');

  await endpoint.getByTestId('webhook-rotate').click();
  const rotated = await poll('the new secret shown once', async () => {
    const text = plain(await section.getByTestId('webhook-secret').first().textContent());
    return text.startsWith('whsec_') && text !== secret ? text : undefined;
  });
  check(rotated !== secret, 'rotating shows a new secret once');
  await section.getByTestId('webhook-disable').click();
  await poll('the endpoint disabled', async () =>
    (await section.getByTestId('webhook-status').first().getAttribute('data-status')) === 'disabled'
      ? true
      : undefined,
  );
  pass('the endpoint is disabled');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot, fullPage: true });
  pass(`screenshot written to ${screenshot}`);
});
