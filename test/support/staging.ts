import { readdir } from 'node:fs/promises';
import type { PrismaService } from '@pressroom/database';

/** Rows that hold uploads or staged files (issue 13): all zero once no import is under way. */
export async function stagedRows(prisma: PrismaService) {
  return {
    uploads: await prisma.importUpload.count(),
    chunks: await prisma.importUploadChunk.count(),
    stagedFiles: await prisma.importStagedFile.count(),
  };
}

export const NO_STAGED_ROWS = { uploads: 0, chunks: 0, stagedFiles: 0 };

/** Files (not folders) anywhere under `dir`, relative to it; [] when it does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => !e.isDirectory()).map((e) => `${e.parentPath}/${e.name}`.slice(dir.length + 1));
}
