import path from 'node:path';
import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendFile } from '../http/send-file.js';
import type { Env } from '../config/index.js';
import { IDE_ASSETS, IDE_ASSETS_PATH } from './ide-assets.js';

@Controller(IDE_ASSETS_PATH.slice(1))
export class IdeAssetsController {
  constructor(private readonly config: ConfigService<Env, true>) {}

  @Get(':file')
  async asset(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const source = Object.hasOwn(IDE_ASSETS, file) ? IDE_ASSETS[file] : undefined;
    if (!source || !this.config.get('GRAPHQL_IDE', { infer: true })) throw new NotFoundException();
    await sendFile(request, reply, path.dirname(source), path.basename(source), { maxAgeSeconds: 86_400 });
  }
}
