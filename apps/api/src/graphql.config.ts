import path from 'node:path';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ConfigService } from '@nestjs/config';
import type { GqlOptionsFactory } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { ApiTokensService } from '@pressroom/auth';
import { enforceFieldVisibility } from '@pressroom/common/graphql';
import { createContentLoaders, resolveArticleRelationsDirectly, SqlReader, type GqlContext } from '@pressroom/content';
import type { FastifyRequest } from 'fastify';
import { REPO_ROOT, type Env } from './config/index.js';
import { cacheHeadersPlugin } from './graphql/cache-headers.plugin.js';
import { toPublicError } from './errors/to-app-error.js';
import { formatError } from './graphql/format-error.js';
import { GRAPHQL_PATH } from './graphql/graphql-path.js';
import { offlineIdePlugin } from './graphql/offline-ide.plugin.js';
import { queryCostPlugin } from './graphql/query-cost.plugin.js';
import { QUERY_PARSE_OPTIONS, queryLimits } from './graphql/query-limits.js';
import { corsIsWildcard } from './http/cors-options.js';
import { graphqlObserverPlugin } from './observability/graphql-observer.plugin.js';
import { MetricsService } from './observability/metrics.service.js';
import { responseCachePlugin } from './response-cache/response-cache.plugin.js';
import { ResponseCache } from './response-cache/response-cache.service.js';
import { PublicationHorizon } from './response-cache/publication-horizon.service.js';

/** Most a single operation may cost (see query-cost.plugin.ts): 100 articles with ~40 fields each. */
export const MAX_QUERY_COST = 5000;
/** The committed schema; test/read/schema.e2e-spec.ts fails when it drifts from the code. */
export const SCHEMA_FILE = path.join(REPO_ROOT, 'schema.gql');

/**
 * Apollo at /graphql: the per-request context (viewer, loaders), limits on what a query may
 * ask, cache headers, automatic persisted queries (Apollo's default, in memory), the response
 * cache's invalidation and the offline IDE.
 */
@Injectable()
export class GraphqlConfig implements GqlOptionsFactory<ApolloDriverConfig> {
  constructor(
    private readonly config: ConfigService<Env, true>,
    private readonly tokens: ApiTokensService,
    private readonly reader: SqlReader,
    private readonly responseCache: ResponseCache,
    private readonly publicationHorizon: PublicationHorizon,
    private readonly metrics: MetricsService,
  ) {}

  createGqlOptions(): ApolloDriverConfig {
    const limits = queryLimits();
    const ide = this.config.get('GRAPHQL_IDE', { infer: true });
    return {
      driver: ApolloDriver,
      path: GRAPHQL_PATH,
      // Written where developers run the API; elsewhere the schema is only built in memory.
      autoSchemaFile: this.config.get('NODE_ENV', { infer: true }) === 'development' ? SCHEMA_FILE : true,
      sortSchema: true,
      introspection: this.config.get('GRAPHQL_INTROSPECTION', { infer: true }),
      // Nest's GraphiQL loads from a CDN: off, and ours (offline) replaces it when enabled.
      graphiql: false,
      playground: false,
      includeStacktraceInErrorResponses: false,
      // Nest resets to 200 the status an execution error asks for (extensions.http); the only
      // ones that ask are ours: SERVICE_UNAVAILABLE is a 503 wherever in a request it happens.
      preserveHttpStatusForExecutionErrors: false,
      formatError,
      parseOptions: QUERY_PARSE_OPTIONS,
      validationRules: limits.validationRules,
      plugins: [
        graphqlObserverPlugin(this.metrics),
        ...limits.plugins,
        queryCostPlugin(MAX_QUERY_COST),
        ApolloServerPluginCacheControlDisabled(),
        cacheHeadersPlugin(this.publicationHorizon, !corsIsWildcard(this.config.get('CORS_ORIGINS', { infer: true }))),
        responseCachePlugin(this.responseCache),
        ...(ide ? [offlineIdePlugin(GRAPHQL_PATH)] : []),
      ],
      // Visibility last: it wraps whatever resolver the fields end up with.
      transformSchema: (schema) => enforceFieldVisibility(resolveArticleRelationsDirectly(schema)),
      // Apollo's Fastify integration passes the request itself.
      context: (request: FastifyRequest) => this.contextFor(request),
    };
  }

  /**
   * Runs outside Nest's exception filter: a token lookup that fails on the database would reach
   * Apollo as-is, a 500 naming the database. Mapped here like everything the filter sees.
   */
  private async contextFor(req: FastifyRequest): Promise<GqlContext> {
    try {
      const viewer = await this.tokens.viewerFor(req.headers.authorization, req.ip);
      return { viewer, loaders: createContentLoaders(this.reader, viewer) };
    } catch (error) {
      throw toPublicError(error, 'graphql context');
    }
  }
}
