import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Controller, Get, Logger, Res } from '@nestjs/common';
import { Roles } from '@pressroom/auth';
import { ExportService, type ExportedFile } from '@pressroom/importer';
import type { FastifyReply } from 'fastify';
import tar from 'tar-stream';

/** Every article as front-matter files in one .tar.gz, streamed as it is built. ADMIN only. */
@Controller('admin/exports')
@Roles('ADMIN')
export class ExportsController {
  private readonly logger = new Logger(ExportsController.name);

  constructor(private readonly exports: ExportService) {}

  @Get()
  async download(@Res() reply: FastifyReply): Promise<void> {
    const files = this.exports.files();
    // The first page read before anything is sent: a database that cannot be reached now is
    // answered as such (503 through the error filter), not with a cut connection.
    const first = await files.next();
    const name = `pressroom-export-${new Date().toISOString().slice(0, 10)}.tar.gz`;
    const res = reply.raw;
    res.setHeader('content-type', 'application/gzip');
    res.setHeader('content-disposition', `attachment; filename="${name}"`);
    // Written to the Node response itself, as it is built: Fastify's reply would wait for a stream.
    reply.hijack();
    const pack = tar.pack();
    const sending = pipeline(pack as unknown as NodeJS.ReadableStream, createGzip(), res);
    // Settled below; marked handled now, as a client leaving rejects it while an entry is pending.
    sending.catch(() => undefined);
    let written = 0;
    try {
      for (let next = first; !next.done; next = await files.next()) {
        await addEntry(pack, next.value);
        written++;
      }
      pack.finalize();
      await sending;
    } catch (error) {
      // Ends the generator (when it did not end itself), and with it the reading of pages.
      await files.return(undefined).catch(() => undefined);
      // Only the client going away destroys the response before this handler does.
      const clientLeft = res.destroyed;
      // The status and part of the archive are out: a cut connection is the only way left to
      // say the archive is incomplete, rather than end it short as if it were whole.
      pack.destroy(error as Error);
      await sending.catch(() => undefined);
      if (clientLeft) this.logger.log(`Export abandoned by the client after ${written} files`);
      else this.logger.error(`Export cut after ${written} files: ${(error as Error).message}`);
    }
  }
}

function addEntry(pack: tar.Pack, file: ExportedFile): Promise<void> {
  return new Promise((resolve, reject) => {
    const entry = pack.entry({ name: file.path }, file.content, (error) => (error ? reject(error) : resolve()));
    // The pack's end destroys the entry being written, which then emits the error the callback
    // already has: unheard, that would be an uncaught exception (a client leaving midway did it).
    entry.on('error', () => undefined);
  });
}
