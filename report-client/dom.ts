/**
 * The only way the page builds elements: text goes in as text nodes, never as
 * markup, so names, paths and SQL from the scan stay inert. Attributes that could
 * run or load something (`on*`, `style`, `href`, `src`) are refused.
 */
export type Child = Node | string | number | null | undefined | false;

const REFUSED_ATTRIBUTE = /^(on|style$|href$|src$|srcdoc$|xlink:href$|formaction$)/i;

interface Props {
  class?: string;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

function setAttributes(element: Element, attrs: Record<string, string> | undefined): void {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (REFUSED_ATTRIBUTE.test(name)) throw new Error(`refused attribute ${name}`);
    element.setAttribute(name, value);
  }
}

/** Appends children, skipping empty ones; strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  setAttributes(element, props.attrs);
  for (const [type, listener] of Object.entries(props.on ?? {}))
    element.addEventListener(type, listener as EventListener);
  append(element, ...children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const element = document.createElementNS(SVG, tag) as SVGElement;
  setAttributes(element, Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)])));
  append(element, ...children);
  return element;
}

export function clear(element: Element): void {
  element.replaceChildren();
}

export const formatNumber = (value: number): string => value.toLocaleString('en-US');
