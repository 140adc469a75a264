import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import type { Env } from '@pressroom/common';
import { ImporterModule, UploadStore } from '@pressroom/importer';
import { ExportsController } from './exports.controller.js';
import { ImportsController, MAX_UPLOAD_FILES } from './imports.controller.js';
import { uploadStorage } from './upload-storage.js';

@Module({
  imports: [
    ImporterModule,
    MultipartModule.registerAsync({
      imports: [ImporterModule],
      inject: [ConfigService, UploadStore],
      useFactory: (config: ConfigService<Env, true>, uploads: UploadStore) => ({
        storage: uploadStorage(uploads),
        limits: {
          fileSize: config.get('IMPORT_MAX_UPLOAD_BYTES', { infer: true }),
          fields: 20,
          files: MAX_UPLOAD_FILES,
          parts: MAX_UPLOAD_FILES + 20,
        },
      }),
    }),
  ],
  controllers: [ImportsController, ExportsController],
})
export class AdminModule {}
