import { Document, isScalar, visit } from 'yaml';
import { parsePost } from '../parse-post.js';
import type { ExportableArticle } from '../types.js';
import { exportFileName } from './export-file-name.js';
import { FIELD_WRITERS } from './field-writers.js';
import { ALL_FIELDS, staleFields } from './stale-fields.js';

const encoder = new TextEncoder();
// Each pass writes what the previous one would lose; writing a title can change the
// detected language, hence more than one.
const MAX_PASSES = 4;

// Plain scalars a YAML 1.1 reader (Jekyll's Psych) would not read as strings; the yaml
// library already quotes what YAML 1.2 would misread. Timestamps stay plain on purpose:
// Jekyll should read `date` as a time.
const YAML_1_1_NON_STRING =
  /^(?:[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?\d[\d_]*|[-+]?0b[01_]+|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?|[-+]?(?:\d[\d_]*)?\.[\d_]+(?:[eE][-+]?\d+)?|=|<<)$/;

/**
 * Article -> front-matter file: a YAML header with every stored frontMatter key, the
 * article's fields written back where the header would otherwise say something else,
 * then the body exactly as stored. parsePost of the result gives the article back.
 */
export function serializePost(article: ExportableArticle): string {
  const header: Record<string, unknown> = { ...article.frontMatter };
  const path = exportFileName(article);
  let text = render(header, article.body);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const parsed = parsePost(encoder.encode(text), { path });
    const stale = parsed.ok ? staleFields(article, parsed.post) : ALL_FIELDS;
    if (stale.length === 0) break;
    // The identity last: a written source URL may give it already, without an `id` key.
    const fields = stale.length > 1 ? stale.filter((f) => f !== 'identity') : stale;
    for (const field of fields) FIELD_WRITERS[field](header, article);
    text = render(header, article.body);
  }
  return text;
}

function render(header: Record<string, unknown>, body: string): string {
  if (Object.keys(header).length === 0) return `---\n---\n${body}`;
  const doc = new Document(header);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && YAML_1_1_NON_STRING.test(node.value)) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`;
}
