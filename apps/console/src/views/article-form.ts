import { graphql } from '../api/client.js';
import { AUTHORS, TAGS } from '../api/queries.js';
import type { Article, AuthorRef, Connection, TagRef } from '../api/types.js';
import { field, h, select } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { Picker } from '../ui/picker.js';

const searchTags = async (text: string) =>
  (await graphql<{ tags: Connection<TagRef> }>(TAGS, { nameContains: text, first: 20 })).tags.edges.map((e) => e.node);
const searchAuthors = async (text: string) =>
  (await graphql<{ authors: Connection<AuthorRef> }>(AUTHORS, { nameContains: text, first: 20 })).authors.edges.map(
    (e) => e.node,
  );

const TEXT_FIELDS = ['title', 'slug', 'excerpt', 'body', 'bodyFormat', 'language'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** The editable fields of an article, and the UpdateArticleInput of what changed from `base`. */
export class ArticleForm {
  readonly element: HTMLElement;
  private readonly controls: Record<TextField, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;
  private readonly tags: Picker<TagRef>;
  private readonly authors: Picker<AuthorRef>;
  private base!: Article;
  private readonly shown = {} as Record<TextField, string>;

  constructor(article: Article, onChange: () => void) {
    const text = (name: string) => h('input', { type: 'text', name, onInput: onChange });
    this.controls = {
      title: text('title'),
      slug: text('slug'),
      excerpt: h('textarea', { name: 'excerpt', rows: 2, onInput: onChange }),
      body: h('textarea', { name: 'body', rows: 16, class: 'body', onInput: onChange }),
      bodyFormat: select(
        [
          ['MARKDOWN', 'Markdown'],
          ['HTML', 'HTML'],
        ],
        article.bodyFormat,
        { name: 'bodyFormat', onChange },
      ),
      language: text('language'),
    };
    const describeTag = (tag: TagRef) => (tag.kind === 'CATEGORY' ? `${tag.name} (${t('kind.CATEGORY')})` : tag.name);
    this.tags = new Picker(t('editor.tags'), t('kind.TAG'), article.tags, searchTags, describeTag, onChange);
    this.authors = new Picker(
      t('editor.authors'),
      t('editor.authors'),
      article.authors,
      searchAuthors,
      (a) => a.name,
      onChange,
    );
    const c = this.controls;
    this.element = h(
      'div',
      { class: 'article-form' },
      field(t('editor.title'), c.title),
      h(
        'div',
        { class: 'row' },
        field(t('editor.slug'), c.slug),
        field(t('editor.language'), c.language),
        field(t('editor.format'), c.bodyFormat),
      ),
      field(t('editor.excerpt'), c.excerpt),
      field(t('editor.body'), c.body),
      h('div', { class: 'row' }, this.tags.element, this.authors.element),
    );
    this.fill(article);
  }

  /** Shows `article` as saved, forgetting unsaved edits. */
  fill(article: Article): void {
    this.base = article;
    for (const name of TEXT_FIELDS) {
      this.controls[name].value = article[name] ?? '';
      // As the control holds it: a textarea turns CRLF into LF, which is no edit of ours.
      this.shown[name] = this.controls[name].value;
    }
    this.tags.set(article.tags);
    this.authors.set(article.authors);
  }

  /** Only the fields that differ from the article as loaded: a save never rewrites what you left alone. */
  changes(): Record<string, unknown> {
    const input: Record<string, unknown> = {};
    for (const name of TEXT_FIELDS) {
      const value = this.controls[name].value;
      if (value !== this.shown[name])
        input[name] = value === '' && (name === 'excerpt' || name === 'language') ? null : value;
    }
    const ids = (items: { id: string }[]) => items.map((i) => i.id).join();
    if (ids(this.tags.value()) !== ids(this.base.tags)) input.tags = this.tags.value().map((x) => ({ id: x.id }));
    if (ids(this.authors.value()) !== ids(this.base.authors))
      input.authors = this.authors.value().map((x) => ({ id: x.id }));
    return input;
  }

  /** Whether anything differs from the article as loaded or last saved. */
  isDirty(): boolean {
    return Object.keys(this.changes()).length > 0;
  }
}
