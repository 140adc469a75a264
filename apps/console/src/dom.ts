/** What h() accepts as children: nodes, text, nothing, or lists of these. */
export type Child = Node | string | number | null | undefined | false | Child[];

type AttrValue = string | number | boolean | null | undefined | ((event: Event) => void);

/**
 * Builds an element: `on*` attributes add listeners, `value`/`checked` set the property, true
 * sets an empty attribute, false/null/undefined leave it out. Text is set as text, never parsed.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'value' || name === 'checked') (el as unknown as Record<string, unknown>)[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let ids = 0;
/** A fresh id, for tying a <label> to its field. */
export function uid(prefix = 'f'): string {
  return `${prefix}-${++ids}`;
}

/** A labelled field: the label names the control for screen readers and clicks. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid();
  control.id = id;
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('small', { id: hintId }, hint) : null,
  );
}

/** A <select> of [value, label] pairs. */
export function select(options: [string, string][], value: string, attrs: Record<string, AttrValue> = {}) {
  return h(
    'select',
    attrs,
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
  );
}
