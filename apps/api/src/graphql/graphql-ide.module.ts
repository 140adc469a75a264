import { Module } from '@nestjs/common';
import { IdeAssetsController } from './ide-assets.controller.js';

/** Serves the files of the offline GraphiQL page (see offline-ide.plugin.ts). */
@Module({ controllers: [IdeAssetsController] })
export class GraphqlIdeModule {}
