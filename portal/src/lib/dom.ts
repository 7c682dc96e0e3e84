/** A tiny element builder: the portal is small enough that plain DOM beats a framework. */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  /** Becomes `data-testid`: the stable hook the browser tests use. */
  testid?: string;
  /** Other attributes, set verbatim. */
  attrs?: Record<string, string>;
  onClick?: () => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.testid) element.dataset['testid'] = props.testid;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  if (props.onClick) element.addEventListener('click', props.onClick);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}
