import { parsePost } from '../parse-post.js';
import type { NormalisedPost, ParseOptions } from '../types.js';
import { bytes } from './corpus.js';

/** parsePost on inline text, failing the test when the file does not parse. */
export function parsed(text: string, path = 'posts/post.md', options: Partial<ParseOptions> = {}): NormalisedPost {
  const result = parsePost(bytes(text), { path, ...options });
  if (!result.ok) throw new Error(`expected ${path} to parse: ${JSON.stringify(result.error)}`);
  return result.post;
}

/** A YAML front-matter file from header lines and a body. */
export function yamlFile(lines: string[], body = 'Body text.\n'): string {
  return `---\n${lines.join('\n')}\n---\n${body}`;
}
