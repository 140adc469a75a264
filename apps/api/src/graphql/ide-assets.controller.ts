import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Response } from 'express';
import type { Env } from '../config/index.js';
import { IDE_ASSETS, IDE_ASSETS_PATH } from './ide-assets.js';

@Controller(IDE_ASSETS_PATH.slice(1))
export class IdeAssetsController {
  constructor(private readonly config: ConfigService<Env, true>) {}

  @Get(':file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const source = Object.hasOwn(IDE_ASSETS, file) ? IDE_ASSETS[file] : undefined;
    if (!source || !this.config.get('GRAPHQL_IDE', { infer: true })) throw new NotFoundException();
    res.sendFile(source, { maxAge: '1d' });
  }
}
