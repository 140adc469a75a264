import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Controller, Get, Res } from '@nestjs/common';
import { Roles } from '@pressroom/auth';
import { ExportService } from '@pressroom/importer';
import type { FastifyReply } from 'fastify';
import tar from 'tar-stream';

/** Every article as front-matter files in one .tar.gz, streamed as it is built. ADMIN only. */
@Controller('admin/exports')
@Roles('ADMIN')
export class ExportsController {
  constructor(private readonly exports: ExportService) {}

  @Get()
  async download(@Res() reply: FastifyReply): Promise<void> {
    const name = `pressroom-export-${new Date().toISOString().slice(0, 10)}.tar.gz`;
    const res = reply.raw;
    res.setHeader('content-type', 'application/gzip');
    res.setHeader('content-disposition', `attachment; filename="${name}"`);
    // Written to the Node response itself, as it is built: Fastify's reply would wait for a stream.
    reply.hijack();
    const pack = tar.pack();
    const sending = pipeline(pack as unknown as NodeJS.ReadableStream, createGzip(), res);
    for await (const file of this.exports.files()) {
      await new Promise<void>((resolve, reject) =>
        pack.entry({ name: file.path }, file.content, (error) => (error ? reject(error) : resolve())),
      );
    }
    pack.finalize();
    await sending;
  }
}
