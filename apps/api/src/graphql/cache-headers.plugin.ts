import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Cache-Control for GraphQL responses. Anonymous queries without errors are the same for every
 * reader, so shared caches (a CDN in front of GET with persisted queries) may keep them the
 * seconds `maxAge()` gives (CACHE_MAX_AGE, less before a scheduled publication; 0: not at all);
 * anything sent with a token is private. Express adds the ETag and answers
 * 304 to a matching If-None-Match. `varyOnOrigin` when CORS answers each origin its own
 * Access-Control-Allow-Origin: Apollo's Vary replaces the one the CORS middleware set.
 */
export function cacheHeadersPlugin(maxAge: () => Promise<number>, varyOnOrigin = false): ApolloServerPlugin {
  const vary = varyOnOrigin ? 'Authorization, Origin' : 'Authorization';
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, errors }) {
          const headers = response.http.headers;
          const hasErrors =
            !!errors?.length || (response.body.kind === 'single' && !!response.body.singleResult.errors?.length);
          if (request.http?.headers.get('authorization')) {
            headers.set('cache-control', 'private, no-store');
            return;
          }
          const seconds = operation?.operation === 'query' && !hasErrors ? await maxAge() : 0;
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
