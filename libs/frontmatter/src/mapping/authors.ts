import type { MappingContext } from '../context.js';
import { slugify } from '../text/slugify.js';
import type { NormalisedAuthor } from '../types.js';
import { asText, nameOf, type FrontMatter } from './header-values.js';

const KEYS = ['author', 'authors'];

/** `author` then `authors`: a name, a list of names, or objects with a `name`. */
export function authorsOf(fm: FrontMatter, ctx: MappingContext): NormalisedAuthor[] {
  const authors: NormalisedAuthor[] = [];
  const seen = new Set<string>();
  const add = (name: string, key: string): void => {
    const slug = slugify(name);
    if (!slug) {
      ctx.warn(ctx.lineOf(key), `${key}: "${name}" has no letters or digits to name an author by; skipped`);
    } else if (!seen.has(slug)) {
      seen.add(slug);
      authors.push({ name, slug });
    }
  };
  for (const key of KEYS) {
    const value = fm[key];
    for (const item of Array.isArray(value) ? value : [value]) {
      const name = asText(item) ?? nameOf(item);
      if (name !== null) add(name, key);
      else if (item !== null && item !== undefined && item !== '') {
        ctx.warn(ctx.lineOf(key), `${key}: an entry without a name was skipped`);
      }
    }
  }
  return authors;
}
