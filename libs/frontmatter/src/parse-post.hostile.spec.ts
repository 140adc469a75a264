import { parsePost } from './parse-post.js';

const MB = 1024 * 1024;
const repeat = (unit: string, chars = MB) => unit.repeat(Math.ceil(chars / unit.length));
const bytes = (text: string) => new TextEncoder().encode(text);

/** Milliseconds `work` takes. Bounds are ~100x what linear work needs here; the quadratic passes
 * these tests caught took minutes on the same input. */
function millis(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}
const LINEAR_BOUND_MS = 5000;

describe('parsePost on hostile files', () => {
  it('parses a megabyte body of unclosed Liquid or <title> tags in linear time', () => {
    const liquid = bytes(`---\nlang: en\n---\n${repeat('{% ')}`);
    const titles = bytes(repeat('<title>'));
    expect(millis(() => parsePost(liquid, { path: 'liquid.md' }))).toBeLessThan(LINEAR_BOUND_MS);
    expect(millis(() => parsePost(titles, { path: 'titles.html' }))).toBeLessThan(LINEAR_BOUND_MS);
  });

  it.each([
    [
      'TOML',
      (list: string) =>
        `+++\n# ${'x'.repeat(3 * MB)}\ntags = [${list}]\ncategories = [${list}]\nauthors = [${list}]\n+++\n`,
    ],
    [
      'JSON',
      (list: string) =>
        `{"title": "t",${'\n'.repeat(3 * MB)}"tags": [${list}], "categories": [${list}], "authors": [${list}]}\n`,
    ],
  ])('locates a warning per list item of a long %s header without rescanning it', (_format, header) => {
    const file = bytes(header(Array.from({ length: 10_000 }, () => '"!"').join(', ')));
    let warnings = 0;
    expect(
      millis(() => {
        const result = parsePost(file, { path: 'many.md' });
        warnings = result.ok ? result.post.warnings.length : 0;
      }),
    ).toBeLessThan(LINEAR_BOUND_MS);
    expect(warnings).toBeGreaterThanOrEqual(30_000);
  });
});
