import { open } from 'node:fs/promises';

export type ArchiveKind = 'zip' | 'tar' | 'tar.gz';

/** Recognises an archive by its first bytes (names lie): zip, gzip (taken as .tar.gz), tar. */
export async function archiveKind(file: string): Promise<ArchiveKind | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(262);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'zip';
    if (bytesRead >= 4 && head.readUInt32BE(0) === 0x504b0506) return 'zip'; // empty zip
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'tar.gz';
    if (bytesRead >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
    return null;
  } finally {
    await handle.close();
  }
}
