import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuthModule } from '@pressroom/auth';
import { validateEnv } from '@pressroom/common';
import { ContentModule } from '@pressroom/content';
import { PrismaModule, type DatabaseOptions } from '@pressroom/database';
import { ImporterModule } from '@pressroom/importer';
import { WebhooksModule } from '@pressroom/webhooks';

/** What the CLI needs: config, the database and the services, no HTTP server. */
@Module({})
export class CliModule {
  static forRoot(database: DatabaseOptions): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, validate: validateEnv, ignoreEnvFile: true }),
        PrismaModule.forRoot(database),
        AuthModule,
        ContentModule,
        ImporterModule,
        WebhooksModule,
      ],
    };
  }
}
