/**
 * Sign-ups, newest first, with their provisioning state: the steps done, the failed attempts and
 * the last error; one still provisioning can be resumed at once (after a Keycloak outage, say).
 */
import { toProblem, type SignUpProgress } from '../../lib/api';
import { h } from '../../lib/dom';
import { failureReason, t } from '../../lib/i18n';
import { formatDateTime } from '../../lib/format';
import type { OpsContext } from './context';
import { KIND_LABELS, SIGNUP_STATUS_LABELS, SIGNUP_STEP_LABELS } from './labels';

const LIMIT = 100;

export function loadSignUps(
  ctx: OpsContext,
  status?: SignUpProgress['status'],
): Promise<SignUpProgress[]> {
  return ctx.api.listSignUps(
    { limit: LIMIT, ...(status ? { status } : {}) },
    { signal: ctx.signal },
  );
}

export function signUpsPanel(ctx: OpsContext, first: SignUpProgress[]): HTMLElement {
  const status = h(
    'select',
    { class: 'input', testid: 'signups-status-filter', attrs: { id: 'signups-status-filter' } },
    h('option', { attrs: { value: '' } }, 'Все'),
    ...(Object.keys(SIGNUP_STATUS_LABELS) as SignUpProgress['status'][]).map((s) =>
      h('option', { attrs: { value: s } }, SIGNUP_STATUS_LABELS[s]),
    ),
  );
  const body = h('tbody');
  const note = h('p', { class: 'saved-note', testid: 'signups-note', attrs: { role: 'status' } });

  const show = (items: SignUpProgress[]) => {
    body.replaceChildren(
      ...(items.length === 0
        ? [h('tr', {}, h('td', { attrs: { colspan: '6' } }, 'Заявок нет.'))]
        : items.map((s) => row(s))),
    );
  };

  const row = (s: SignUpProgress): HTMLElement => {
    const failed = s.steps.find((step) => step.state === 'failed');
    const done = s.steps.filter((step) => step.state === 'done').length;
    const resume =
      s.status === 'provisioning'
        ? h(
            'button',
            { class: 'button button--small', testid: 'signup-resume', attrs: { type: 'button' } },
            'Продолжить',
          )
        : null;
    const tr = h(
      'tr',
      { testid: 'signup-row', attrs: { 'data-id': s.id, 'data-slug': s.slug } },
      h('td', {}, formatDateTime(s.createdAt)),
      h(
        'td',
        {},
        s.name,
        h(
          'div',
          { class: 'muted' },
          `${KIND_LABELS[s.kind]} · `,
          h('code', {}, s.slug),
          ` · ${s.plan}`,
        ),
        h('div', { class: 'muted' }, s.adminEmail),
      ),
      h('td', { testid: 'signup-status' }, SIGNUP_STATUS_LABELS[s.status]),
      h(
        'td',
        {},
        `${done} из ${s.steps.length}`,
        failed
          ? h(
              'div',
              { class: 'field__error' },
              `сбой: ${SIGNUP_STEP_LABELS[failed.step] ?? failed.step}`,
            )
          : null,
      ),
      h(
        'td',
        {},
        s.attempts > 0 ? h('div', {}, `попыток: ${s.attempts}`) : null,
        s.lastError
          ? h(
              'div',
              { class: 'muted', testid: 'signup-error' },
              failureReason(s.lastError),
              s.lastErrorReference
                ? h('div', {}, t('signup.failure.reference', { reference: s.lastErrorReference }))
                : null,
            )
          : null,
      ),
      h('td', { class: 'actions' }, resume),
    );
    resume?.addEventListener('click', () => {
      resume.disabled = true;
      ctx.api
        .resumeSignUp(s.id, { signal: ctx.signal })
        .then((after) => {
          ctx.clearProblems();
          tr.replaceWith(row(after));
          note.textContent = `${s.slug}: ${SIGNUP_STATUS_LABELS[after.status]}`;
        })
        .catch((error: unknown) => {
          resume.disabled = false;
          if (!ctx.signal.aborted) ctx.showProblem(toProblem(error));
        });
    });
    return tr;
  };

  status.addEventListener('change', () => {
    const wanted = (status.value || undefined) as SignUpProgress['status'] | undefined;
    loadSignUps(ctx, wanted)
      .then((items) => {
        ctx.clearProblems();
        show(items);
      })
      .catch((error: unknown) => {
        if (!ctx.signal.aborted) ctx.showProblem(toProblem(error));
      });
  });

  show(first);
  return h(
    'section',
    { class: 'card console-panel', testid: 'signups-panel' },
    h('div', { class: 'panel-head' }, h('h2', {}, 'Заявки на подключение')),
    h(
      'div',
      { class: 'filters' },
      h(
        'div',
        { class: 'field' },
        h('label', { class: 'field__label', attrs: { for: 'signups-status-filter' } }, 'Статус'),
        status,
      ),
    ),
    note,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, 'Создана'),
            h('th', {}, 'Заявка'),
            h('th', {}, 'Статус'),
            h('th', {}, 'Шаги'),
            h('th', {}, 'Ошибки'),
            h('th', {}, ''),
          ),
        ),
        body,
      ),
    ),
  );
}
