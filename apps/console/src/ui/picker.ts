import { h, replace, uid } from '../dom.js';
import { t } from '../i18n/i18n.js';

export interface Pickable {
  id: string;
  name: string;
}

/**
 * A list of chosen items (tags, authors) with a remove button each, and a field that suggests
 * matches from the API as you type (a <datalist>) and adds the one named with Add or Enter.
 */
export class Picker<T extends Pickable> {
  readonly element: HTMLElement;
  private chosen: T[];
  private found: T[] = [];
  /** Every suggestion shown, by its text: choosing one from the list types that text in. */
  private readonly seen = new Map<string, T>();
  private readonly list = h('ul', { class: 'chips' });
  private readonly input: HTMLInputElement;
  private readonly options: HTMLDataListElement;
  private readonly message = h('small', { role: 'status' });

  constructor(
    label: string,
    what: string,
    initial: T[],
    private readonly search: (text: string) => Promise<T[]>,
    private readonly describe: (item: T) => string,
    private readonly onChange: () => void,
  ) {
    this.chosen = [...initial];
    const id = uid('pick');
    this.options = h('datalist', { id: `${id}-options` });
    this.input = h('input', {
      id,
      type: 'text',
      list: `${id}-options`,
      autocomplete: 'off',
      onInput: () => void this.suggest(),
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      void this.add(what);
    });
    this.element = h(
      'fieldset',
      { class: 'picker' },
      h('legend', {}, label),
      this.list,
      h(
        'div',
        { class: 'inline' },
        h('label', { for: id, class: 'visually-hidden' }, `${label}: ${t('editor.pick')}`),
        this.input,
        h('button', { type: 'button', onClick: () => void this.add(what) }, t('common.add')),
      ),
      h('small', {}, t('editor.pick')),
      this.message,
      this.options,
    );
    this.draw();
  }

  value(): T[] {
    return [...this.chosen];
  }

  set(items: T[]): void {
    this.chosen = [...items];
    this.draw();
  }

  private async suggest(): Promise<void> {
    const text = this.input.value.trim();
    if (!text) return;
    this.found = await this.search(text);
    for (const item of this.found) this.seen.set(this.describe(item).toLowerCase(), item);
    replace(
      this.options,
      this.found.map((item) => h('option', { value: this.describe(item) })),
    );
  }

  private async add(what: string): Promise<void> {
    const text = this.input.value.trim();
    if (!text) return;
    const lower = text.toLowerCase();
    const named = (item: T) => this.describe(item).toLowerCase() === lower || item.name.toLowerCase() === lower;
    // Enter may come before the suggestions for the last keystroke: ask once more.
    if (!this.seen.has(lower) && !this.found.some(named)) await this.suggest();
    // The one named exactly, else the only match of what was typed.
    const match =
      this.seen.get(lower) ?? this.found.find(named) ?? (this.found.length === 1 ? this.found[0] : undefined);
    if (!match) {
      this.message.textContent = t('editor.unknown', { what, name: text });
      return;
    }
    this.message.textContent = '';
    if (!this.chosen.some((c) => c.id === match.id)) this.chosen.push(match);
    this.input.value = '';
    this.draw();
    this.onChange();
  }

  private draw(): void {
    replace(
      this.list,
      this.chosen.map((item) =>
        h(
          'li',
          {},
          this.describe(item),
          h(
            'button',
            {
              type: 'button',
              class: 'remove',
              'aria-label': t('common.remove', { name: item.name }),
              onClick: () => {
                this.chosen = this.chosen.filter((c) => c.id !== item.id);
                this.draw();
                this.onChange();
              },
            },
            '×',
          ),
        ),
      ),
    );
  }
}
