/** One `<name ...>inner</name>` found by elements(). */
export interface Element {
  /** The tag name as matched, lower-cased. */
  name: string;
  /** Index of the `<` that opens it. */
  start: number;
  /** Index just past the closing tag. */
  end: number;
  inner: string;
}

/**
 * Each `<name ...>...</name>` of `html` whose name is one of `names`, in order and without
 * overlap, each ended by the first closing tag of its own name: what
 * `/<(name)\b[^>]*>([\s\S]*?)<\/\1>/gi` matches, in linear time. The regex rescans to the end
 * of the text from every opening tag that is never closed (issue 10: a body of unclosed `<p>`
 * froze a thread for seconds); here a name found unclosed once is never searched again.
 */
export function* elements(html: string, names: readonly string[]): Generator<Element> {
  const open = new RegExp(`<(${names.join('|')})\\b`, 'gi');
  const unclosed = new Set<string>();
  for (let match = open.exec(html); match; match = open.exec(html)) {
    const name = match[1]!.toLowerCase();
    if (unclosed.has(name)) continue;
    const tagEnd = html.indexOf('>', open.lastIndex);
    // No `>` left: no later opening tag can be complete either.
    if (tagEnd === -1) return;
    const close = new RegExp(`</${name}>`, 'gi');
    close.lastIndex = tagEnd + 1;
    const closing = close.exec(html);
    if (!closing) {
      unclosed.add(name);
      if (unclosed.size === names.length) return;
      continue;
    }
    yield { name, start: match.index, end: close.lastIndex, inner: html.slice(tagEnd + 1, closing.index) };
    open.lastIndex = close.lastIndex;
  }
}

/** `html` with each element named `name` (see elements()) replaced by one space. */
export function withoutElements(html: string, name: string): string {
  let out = '';
  let from = 0;
  for (const element of elements(html, [name])) {
    out += `${html.slice(from, element.start)} `;
    from = element.end;
  }
  return from === 0 ? html : out + html.slice(from);
}
