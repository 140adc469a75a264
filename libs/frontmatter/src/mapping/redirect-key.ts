/** Longest path `redirect` looks up; longer input is refused, not truncated. */
export const MAX_REDIRECT_PATH_LENGTH = 2000;

/**
 * The form in which old URL paths are stored and looked up, so that `/Old/Post/`, `/old/post`,
 * `old/post` and `/old/p%6Fst` find the same article: host, query and fragment dropped,
 * percent-encoding decoded, dot segments resolved, lower case, no trailing slash ('/' for the
 * root). Null when the text holds no path.
 */
export function redirectKey(text: string): string | null {
  let path = text.trim();
  if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(path)) {
    try {
      path = new URL(path, 'http://host').pathname;
    } catch {
      return null;
    }
  }
  path = path.replace(/[?#][\s\S]*$/, '');
  if (path === '') return null;
  const out: string[] = [];
  for (const segment of path.split('/').map(decodeSegment)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`.toLowerCase();
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
