// Browser journey of the club console: the club's admin signs in, writes a rule whose CEL
// condition is wrong and sees the reason at its line and column (in the preview and on saving),
// fixes it, previews a purchase and sees the unsaved rule fire with its points, saves it, finds it
// in the list after a reload, switches it off and deletes it; changes the ledger policy (a bad
// percent is refused next to its field), sees the change after a reload and puts the old value
// back; signs out. Then a member opens the console and is told she has no access.
//
// The rule only fires for a partner that does not exist (its slug is the rule's unique code) and
// is deleted at the end, and the ledger policy is restored, so the journey can run again and again
// on one stack without changing what real purchases earn.
//
//   BLOOM_URL                          e.g. http://localhost:9080
//   CLUB                               club slug, e.g. bloom-care
//   ADMIN_USERNAME, ADMIN_PASSWORD     a club-owner or club-admin of the club realm
//   MEMBER_USERNAME, MEMBER_PASSWORD   a member without a staff role
//   RULE_CODE                          optional, a fresh rule code (default console-e2e-<random>)
//   SCREENSHOT                         where to write the PNG of the console (and, with
//                                      -no-access before .png, the member's refusal)
//   E2E_TIMEOUT_MS                     optional, per wait (default 30000)
//   CHROMIUM                           optional, default /usr/bin/chromium
import { CheckFailed, check, pass, poll, required, run, signIn, textOf } from './support.mjs';

const bloomUrl = required('BLOOM_URL').replace(/\/+$/, '');
const club = required('CLUB');
const admin = { username: required('ADMIN_USERNAME'), password: required('ADMIN_PASSWORD') };
const member = { username: required('MEMBER_USERNAME'), password: required('MEMBER_PASSWORD') };
const screenshot = required('SCREENSHOT');
const ruleCode = process.env.RULE_CODE ?? `console-e2e-${Math.random().toString(36).slice(2, 10)}`;
if (!/^[a-z][a-z0-9-]{1,30}[a-z0-9]$/.test(ruleCode)) {
  throw new Error(`RULE_CODE ${ruleCode} must be a rule code that is also a partner slug`);
}
// The partner the rule is about: no such partner exists, so no real purchase ever matches.
const partner = ruleCode;
const points = '250';
const badCondition = `purchase.partner == '${partner}' &&\n  purchase.amout > 1000.0`;
const goodCondition = `purchase.partner == '${partner}' && purchase.amount > 1000.0`;

/** @param {import('playwright-core').Page} page */
const ruleRow = (page) => page.locator(`[data-testid="rule-row"][data-code="${ruleCode}"]`);

/** @param {import('playwright-core').Page} page @param {string} expected */
async function conditionError(page, expected) {
  // The reason itself, without the source line and caret shown under it.
  const reason = page.locator('[data-testid="rule-condition-error"] > span').first();
  return poll(`the condition's error "${expected}"`, async () => {
    const text = ((await reason.textContent()) ?? '').trim();
    return text.includes(expected) ? text : undefined;
  });
}

/** @param {import('playwright-core').Page} page */
async function openLedgerTab(page) {
  await page.getByTestId('tab-ledger').click();
  await page.getByTestId('ledger-max-redeem').waitFor({ state: 'visible' });
}

run(screenshot, async (page) => {
  const consoleUrl = `${bloomUrl}/#/c/${club}/console`;
  await page.goto(consoleUrl, { waitUntil: 'load' });
  await page.getByTestId('signin').waitFor({ state: 'visible' });
  pass(`console ${consoleUrl} offers staff sign-in`);

  await page.getByTestId('signin').click();
  const arrived = await signIn(page, { ...admin, arrived: ['console-title', 'console-no-access'] });
  check(arrived === 'console-title', `the admin ${admin.username} is back in the console`);
  const saved = await poll('the saved rules', async () => {
    const count = await page.getByTestId('rule-row').count();
    return count > 0 ? count : undefined;
  });
  pass(`the console lists ${saved} earning rules`);

  // A new rule whose condition misspells a fact.
  await page.getByTestId('rule-new').click();
  await page.getByTestId('rule-code').fill(ruleCode);
  await page.getByTestId('rule-name').fill('E2E: бонус партнёра');
  await page.getByTestId('rule-priority').fill('5');
  await page.getByTestId('rule-condition').fill(badCondition);
  await page.getByTestId('rule-effect-kind').selectOption('FIXED_POINTS');
  await page.getByTestId('rule-effect-value').fill(points);
  await page.getByTestId('preview-partner').fill(partner);
  await page.getByTestId('preview-amount').fill('2000');

  const expected = "invalid CEL at 2:11: undefined field 'amout'";
  await page.getByTestId('preview-run').click();
  await page.getByTestId('preview-failed').waitFor({ state: 'visible' });
  await conditionError(page, expected);
  pass(`the preview of the draft names the condition's problem: ${expected}`);

  await page.getByTestId('rule-save').click();
  const reason = await conditionError(page, expected);
  const caret = await textOf(page, 'condition-caret');
  check(
    caret.includes('2 |   purchase.amout') && caret.includes('|           ^'),
    `saving is refused with "${reason}" next to the condition, a caret under line 2 column 11`,
  );
  check((await ruleRow(page).count()) === 0, 'the refused rule is not in the list');

  // Fixed, the draft fires in the preview with its points, before anything is saved.
  await page.getByTestId('rule-condition').fill(goodCondition);
  await page.getByTestId('preview-run').click();
  const fired = page.locator(`[data-testid="preview-fired"][data-code="${ruleCode}"]`);
  await fired.waitFor({ state: 'visible' });
  const firedPoints = ((await fired.getByTestId('preview-points').textContent()) ?? '').trim();
  check(
    firedPoints.startsWith(`+${points}`),
    `the preview shows the unsaved rule firing for ${partner}: ${firedPoints}`,
  );
  check(
    (await textOf(page, 'rule-condition-error')) === '',
    'the condition error is gone once fixed',
  );
  const skipped = await page.getByTestId('preview-skipped').count();
  pass(`the preview also lists ${skipped} skipped rules with their reasons`);
  await page.screenshot({ path: screenshot, fullPage: true });
  pass(`screenshot written to ${screenshot}`);

  await page.getByTestId('rule-save').click();
  await ruleRow(page).waitFor({ state: 'visible' });
  pass(`saved: ${await textOf(page, 'rules-saved')}`);

  await page.reload({ waitUntil: 'load' });
  await ruleRow(page).waitFor({ state: 'visible' });
  const status = ((await ruleRow(page).getByTestId('rule-status').textContent()) ?? '').trim();
  check(status === 'включено', `after a reload the rule ${ruleCode} is in the list, ${status}`);

  await ruleRow(page).getByTestId('rule-toggle').click();
  await poll('the rule switched off', async () => {
    const now = ((await ruleRow(page).getByTestId('rule-status').textContent()) ?? '').trim();
    return now === 'выключено' ? now : undefined;
  });
  pass('the rule can be switched off');

  page.once('dialog', (dialog) => {
    dialog.accept().catch(() => {});
  });
  await ruleRow(page).getByTestId('rule-delete').click();
  await ruleRow(page).waitFor({ state: 'detached' });
  pass(`the rule ${ruleCode} is deleted again`);

  // The ledger policy: a bad percent is refused at its field; a good one persists.
  await openLedgerTab(page);
  const original = await page.getByTestId('ledger-max-redeem').inputValue();
  const changed = original === '40' ? '45' : '40';
  await page.getByTestId('ledger-max-redeem').fill('150');
  await page.getByTestId('ledger-save').click();
  const percentError = await poll('the percent refused', async () => {
    const text = await textOf(page, 'ledger-max-redeem-error');
    return text ? text : undefined;
  });
  check(
    percentError.includes('at most 100'),
    `150 % is refused next to its field: ${percentError}`,
  );

  await page.getByTestId('ledger-max-redeem').fill(changed);
  await page.getByTestId('ledger-save').click();
  await poll('the policy saved', async () =>
    (await textOf(page, 'ledger-saved')) ? true : undefined,
  );
  await page.reload({ waitUntil: 'load' });
  await openLedgerTab(page);
  const reloaded = await page.getByTestId('ledger-max-redeem').inputValue();
  check(
    reloaded === changed,
    `after a reload points may pay up to ${reloaded} % (was ${original} %)`,
  );

  await page.getByTestId('ledger-max-redeem').fill(original);
  await page.getByTestId('ledger-save').click();
  await poll('the policy restored', async () =>
    (await textOf(page, 'ledger-saved')) ? true : undefined,
  );
  pass(`the ledger policy is back at ${original} %`);

  // A member is told plainly that the console is not for her.
  await page.getByTestId('signout').click();
  await page.getByTestId('signin').waitFor({ state: 'visible' });
  pass('signed out, back at the console sign-in');
  await page.getByTestId('signin').click();
  const memberArrived = await signIn(page, {
    ...member,
    arrived: ['console-title', 'console-no-access'],
  });
  if (memberArrived !== 'console-no-access') {
    throw new CheckFailed(`the member ${member.username} was let into the console`);
  }
  const refusal = await textOf(page, 'console-no-access');
  check(refusal.includes('Нет доступа'), `the member ${member.username} sees "no access"`);
  const noAccessShot = screenshot.replace(/(\.png)?$/, '-no-access.png');
  await page.screenshot({ path: noAccessShot });
  pass(`screenshot written to ${noAccessShot}`);
});
