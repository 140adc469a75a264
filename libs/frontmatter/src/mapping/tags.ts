import type { MappingContext } from '../context.js';
import { slugify } from '../text/slugify.js';
import type { NormalisedTag, TagKind } from '../types.js';
import { asText, nameOf, type FrontMatter } from './header-values.js';

const GROUPS: { kind: TagKind; plural: string; singular: string }[] = [
  { kind: 'TAG', plural: 'tags', singular: 'tag' },
  { kind: 'CATEGORY', plural: 'categories', singular: 'category' },
];

/** TAGs (`tags`, `tag`) then CATEGORYs (`categories`, `category`), deduplicated per kind. */
export function tagsOf(fm: FrontMatter, ctx: MappingContext): NormalisedTag[] {
  const tags: NormalisedTag[] = [];
  for (const { kind, plural, singular } of GROUPS) {
    const seen = new Set<string>();
    for (const key of [plural, singular]) {
      for (const name of namesIn(fm[key], key === plural)) {
        const slug = slugify(name);
        if (!slug) ctx.warn(ctx.lineOf(key), `${key}: "${name}" has no letters or digits; skipped`);
        else if (!seen.has(slug)) {
          seen.add(slug);
          tags.push({ name, slug, kind });
        }
      }
    }
  }
  return tags;
}

/**
 * Jekyll splits a plural string on whitespace (`tags: ruby security`); a comma list is
 * honoured first so `tags: Ruby on Rails, Security` keeps its phrases. A singular key holds
 * one name per comma-separated part.
 */
function namesIn(value: unknown, plural: boolean): string[] {
  if (Array.isArray(value)) {
    return value.map((item) => asText(item) ?? nameOf(item)).filter((n): n is string => n !== null);
  }
  const text = asText(value);
  if (text === null) return [];
  const parts = text.includes(',') ? text.split(',') : plural ? text.split(/\s+/) : [text];
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
