import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Writes `files` (relative path -> content) into a new temporary folder and returns it. */
export async function tempFolder(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'pressroom-fixture-'));
  await writeFiles(root, files);
  return root;
}

export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

export function post(header: string, body = 'Body text.'): string {
  return `---\n${header.trim()}\n---\n${body}\n`;
}
