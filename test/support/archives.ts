import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import yazl from 'yazl';

/** A .zip of `files` (relative path -> content), built in memory. */
export async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(files)) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A .tar of `files` (relative path -> content, or [path, content] pairs to repeat a name). */
export async function tarOf(files: Record<string, string> | [string, string][]): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, data] of Array.isArray(files) ? files : Object.entries(files)) pack.entry({ name }, data);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A .tar.gz of `files`. */
export async function tarGzOf(files: Record<string, string> | [string, string][]): Promise<Buffer> {
  return gzipSync(await tarOf(files));
}
