import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@pressroom/auth';
import { ContentModule } from '@pressroom/content';
import { PrismaModule } from '@pressroom/database';

/** What the CLI needs: the database and the services, no HTTP server. */
@Module({})
export class CliModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [PrismaModule.forRoot({ url: databaseUrl }), AuthModule, ContentModule],
    };
  }
}
