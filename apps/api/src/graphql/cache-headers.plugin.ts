import type { ApolloServerPlugin } from '@apollo/server';

/** How long anonymous answers stay right (PublicationHorizon). */
export interface AnswerLifetime {
  /** The next scheduled publication (epoch ms), null when none is; asked before the query runs. */
  nextPublication(): Promise<number | null>;
  /** Whole seconds an answer may be kept from now, given that publication. */
  maxAgeSeconds(nextPublication: number | null): number;
}

/**
 * Cache-Control for GraphQL responses. Anonymous queries without errors are the same for every
 * reader, so shared caches (a CDN in front of GET with persisted queries) may keep them for
 * CACHE_MAX_AGE seconds, less when a scheduled publication would change them sooner (looked up
 * before execution: one read just before it falls due must not be kept past it); anything sent
 * with a token is private. Express adds the ETag and answers 304 to a matching If-None-Match.
 * `varyOnOrigin` when CORS answers each origin its own Access-Control-Allow-Origin: Apollo's
 * Vary replaces the one the CORS middleware set.
 */
export function cacheHeadersPlugin(lifetime: AnswerLifetime, varyOnOrigin = false): ApolloServerPlugin {
  const vary = varyOnOrigin ? 'Authorization, Origin' : 'Authorization';
  return {
    async requestDidStart({ request }) {
      const anonymous = !request.http?.headers.get('authorization');
      const nextPublication = anonymous ? lifetime.nextPublication() : undefined;
      return {
        async didResolveOperation() {
          await nextPublication;
        },
        async willSendResponse({ response, operation, errors }) {
          const headers = response.http.headers;
          const hasErrors =
            !!errors?.length || (response.body.kind === 'single' && !!response.body.singleResult.errors?.length);
          if (!nextPublication) {
            headers.set('cache-control', 'private, no-store');
            return;
          }
          const seconds =
            operation?.operation === 'query' && !hasErrors ? lifetime.maxAgeSeconds(await nextPublication) : 0;
          if (seconds > 0) {
            headers.set('cache-control', `public, max-age=${seconds}`);
            headers.set('vary', vary);
          } else {
            headers.set('cache-control', 'no-store');
          }
        },
      };
    },
  };
}
