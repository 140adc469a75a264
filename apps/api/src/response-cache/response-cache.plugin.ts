import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import type { ResponseCache } from './response-cache.service.js';

/**
 * Empties the response cache after every mutation, once its writes have committed (when its
 * response is ready), whether or not it succeeded: a failed one may have written part of its work.
 */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin {
  const listener: GraphQLRequestListener<BaseContext> = {
    async willSendResponse({ operation }) {
      if (operation?.operation === 'mutation') cache.invalidate();
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
