// Keys such as email, e-mail, authorEmail, author_email.
const EMAIL_KEY = /e-?mail/i;
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
// "Name <address>", the way Jekyll and Hugo headers often give an author.
const NAME_ADDRESS = /^(.*?)\s*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/;

/**
 * The front matter as readers without an editor's token see it: every key (themes render
 * `layout`, images and custom keys from it) except e-mail addresses, the same data
 * `Author.email` keeps from them. Keys named like an e-mail go at any depth, a value that is
 * an address goes, and "Name <address>" keeps its name.
 */
export function publicFrontMatter(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(publicFrontMatter).filter((item) => item !== undefined);
  if (typeof value === 'string') {
    if (ADDRESS.test(value.trim())) return undefined;
    return NAME_ADDRESS.exec(value.trim())?.[1] ?? value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (EMAIL_KEY.test(key)) continue;
    const kept = publicFrontMatter(item);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}
