import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { currentRequest } from '@pressroom/common';
import type { GraphQLError } from 'graphql';
import { clientErrorCode } from '../graphql/format-error.js';
import type { MetricsService } from './metrics.service.js';

const MAX_MESSAGE = 300;
/** Client mistakes are the caller's to read in the response: debug. Ours are errors. */
const LEVELS: Record<string, 'debug' | 'warn' | 'error'> = {
  INTERNAL_SERVER_ERROR: 'error',
  SERVICE_UNAVAILABLE: 'warn',
  TOO_MANY_REQUESTS: 'warn',
};

/**
 * Times each GraphQL operation Apollo runs (by bounded name and type), counts its errors by code,
 * logs each error with its code, and tells the request log line the operation and error codes.
 * Answers the response cache sent never reach Apollo: they are in the HTTP metrics only.
 */
export function graphqlObserverPlugin(metrics: MetricsService): ApolloServerPlugin {
  const logger = new Logger('GraphQL');
  const recordErrors = (errors: readonly (GraphQLError | Error)[], operationName?: string | null) => {
    const request = currentRequest();
    for (const error of errors) {
      const code = clientErrorCode(error);
      metrics.countError(code);
      if (request) (request.errorCodes ??= []).push(code);
      logger[LEVELS[code] ?? 'debug']({
        msg: `${code}: ${error.message.slice(0, MAX_MESSAGE)}`,
        code,
        operation: operationName ?? request?.operation,
        ...('path' in error && error.path ? { path: error.path.join('.') } : {}),
      });
    }
  };
  return {
    // A refused token fails the context (viewer) before any operation starts.
    async contextCreationDidFail({ error }) {
      recordErrors([error]);
    },
    async requestDidStart() {
      const started = performance.now();
      let operation = 'unknown';
      let type = 'unknown';
      return {
        async didResolveOperation({ operationName, operation: resolved }) {
          operation = metrics.operationLabel(operationName);
          type = resolved?.operation ?? 'unknown';
          const request = currentRequest();
          if (request) {
            request.operation = operationName ?? 'anonymous';
            request.operationType = type;
          }
        },
        async didEncounterErrors({ errors, operationName }) {
          recordErrors(errors, operationName);
        },
        async willSendResponse() {
          metrics.observeOperation(operation, type, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
