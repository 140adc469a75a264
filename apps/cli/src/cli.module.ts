import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnv } from '@pressroom/common';
import { PrismaModule, type DatabaseOptions } from '@pressroom/database';

/** Config and the database, plus the feature modules one command needs; no HTTP server. */
@Module({})
export class CliModule {
  static forRoot(database: DatabaseOptions, features: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, validate: validateEnv, ignoreEnvFile: true }),
        PrismaModule.forRoot(database),
        ...features,
      ],
    };
  }
}
