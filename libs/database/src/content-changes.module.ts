import { Module } from '@nestjs/common';
import { ContentChanges } from './content-changes.service.js';

/**
 * ContentChanges for the processes that keep content in memory (the API's response cache);
 * the worker and the CLI do not import it, so they hold no LISTEN connection. Needs PrismaModule
 * (global) for the database options.
 */
@Module({ providers: [ContentChanges], exports: [ContentChanges] })
export class ContentChangesModule {}
