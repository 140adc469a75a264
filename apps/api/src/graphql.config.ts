import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ConfigService } from '@nestjs/config';
import type { GqlOptionsFactory } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { ApiTokensService } from '@pressroom/auth';
import { createContentLoaders, type GqlContext } from '@pressroom/content';
import { PrismaService } from '@pressroom/database';
import type { Request } from 'express';
import type { Env } from './config/index.js';

/** Apollo at /graphql: the per-request context (viewer, loaders) and production switches. */
@Injectable()
export class GraphqlConfig implements GqlOptionsFactory<ApolloDriverConfig> {
  constructor(
    private readonly config: ConfigService<Env, true>,
    private readonly tokens: ApiTokensService,
    private readonly prisma: PrismaService,
  ) {}

  createGqlOptions(): ApolloDriverConfig {
    return {
      driver: ApolloDriver,
      path: '/graphql',
      autoSchemaFile: true,
      sortSchema: true,
      introspection: this.config.get('GRAPHQL_INTROSPECTION', { infer: true }),
      graphiql: this.config.get('GRAPHQL_IDE', { infer: true }),
      playground: false,
      includeStacktraceInErrorResponses: false,
      context: async ({ req }: { req: Request }): Promise<GqlContext> => ({
        viewer: await this.tokens.viewerFor(req.headers.authorization),
        loaders: createContentLoaders(this.prisma),
      }),
    };
  }
}
