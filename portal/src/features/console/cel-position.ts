/**
 * Where the server says a condition is wrong. A rejected condition's reason reads
 * `invalid CEL at 2:11: undefined field 'amout'` (line and column from 1, as the contract says);
 * the console shows that line of the source with a caret under the column, and puts the cursor
 * there on request.
 */
import { h } from '../../lib/dom';

export interface CelPosition {
  line: number;
  column: number;
}

const AT = /at (\d+):(\d+)/;

export function celPosition(reason: string): CelPosition | null {
  const match = AT.exec(reason);
  if (!match?.[1] || !match[2]) return null;
  return { line: Number(match[1]), column: Number(match[2]) };
}

/** The offset in `source` of a line and column (both from 1), clamped to the source. */
export function offsetOf(source: string, at: CelPosition): number {
  const lines = source.split('\n');
  let offset = 0;
  for (let i = 0; i < at.line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
  const line = lines[Math.min(at.line, lines.length) - 1] ?? '';
  return Math.min(source.length, offset + Math.min(Math.max(at.column - 1, 0), line.length));
}

/**
 * The source line the reason points at, with a caret under the column:
 *
 *     2 |   purchase.amout > 1.0
 *       |           ^
 *
 * Clicking it moves the cursor of `textarea` there. Null when the reason has no position.
 */
export function celSourceView(textarea: HTMLTextAreaElement, reason: string): HTMLElement | null {
  const at = celPosition(reason);
  if (!at) return null;
  const source = textarea.value;
  const line = source.split('\n')[at.line - 1];
  if (line === undefined) return null;
  const gutter = String(at.line);
  const text =
    `${gutter} | ${line}\n` +
    `${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(at.column - 1, 0))}^`;
  const view = h(
    'pre',
    {
      class: 'cel-caret',
      testid: 'condition-caret',
      attrs: { title: 'Перейти к месту ошибки', tabindex: '0' },
    },
    text,
  );
  const jump = () => {
    const offset = offsetOf(textarea.value, at);
    textarea.focus();
    textarea.setSelectionRange(offset, offset + 1);
  };
  view.addEventListener('click', jump);
  view.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      jump();
    }
  });
  return view;
}
