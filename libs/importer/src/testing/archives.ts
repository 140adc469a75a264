import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import yazl from 'yazl';

/** A zip built by yazl; `rename` patches names afterwards, since yazl itself refuses bad ones. */
export async function zipOf(
  entries: { name: string; data: string | Buffer; mode?: number }[],
  rename: Record<string, string> = {},
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.from(e.data), e.name, e.mode ? { mode: e.mode } : {});
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  let bytes = Buffer.concat(chunks);
  for (const [from, to] of Object.entries(rename)) {
    if (from.length !== to.length) throw new Error('a rename must keep the length');
    bytes = Buffer.from(bytes.toString('latin1').split(from).join(to), 'latin1');
  }
  return bytes;
}

/** `zip` with the UTF-8 name flag (bit 11) cleared in every header: names in a legacy code page. */
export function withoutUtf8Flag(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let at = 0; at + 10 <= out.length; at++) {
    const signature = out.readUInt32LE(at);
    const flagAt = signature === 0x04034b50 ? at + 6 : signature === 0x02014b50 ? at + 8 : -1;
    if (flagAt !== -1) out.writeUInt16LE(out.readUInt16LE(flagAt) & ~0x800, flagAt);
  }
  return out;
}

export type TarInput = {
  name: string;
  data?: string;
  type?: string;
  linkname?: string;
  devmajor?: number;
  devminor?: number;
};

export async function tarOf(entries: TarInput[], gzip = false): Promise<Buffer> {
  const pack = tar.pack();
  for (const { data, ...header } of entries) pack.entry(header as never, data ?? '');
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  return gzip ? gzipSync(bytes) : bytes;
}

/**
 * A zip whose `count` central-directory entries all point at one local header and its deflated
 * `data` (an overlapping-entries bomb): each entry extracts to all of `data`. Names are raw
 * bytes, so legacy (non-UTF-8) names can be built too.
 */
export function overlappingZip(data: Buffer, names: Buffer[]): Buffer {
  const compressed = deflateRawSync(data);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(names[0]!.length, 26);
  const body = Buffer.concat([local, names[0]!, compressed]);
  const central = names.map((name) => {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(0, 42); // every entry's local header: offset 0
    return Buffer.concat([header, name]);
  });
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(body.length, 16);
  return Buffer.concat([body, directory, end]);
}
