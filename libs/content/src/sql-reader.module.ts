import { Global, Module } from '@nestjs/common';
import { SqlReader } from './sql-reader.service.js';

/** Global: the GraphQL context's loaders (apps/api) read through it too. */
@Global()
@Module({ providers: [SqlReader], exports: [SqlReader] })
export class SqlReaderModule {}
