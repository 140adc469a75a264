import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { clientErrorCode, formatError } from './format-error.js';

describe('formatError', () => {
  beforeAll(() => Logger.overrideLogger(false)); // the internal error is logged: keep the output clean

  it('hides the message of an internal error raised outside a resolver', () => {
    const error = new GraphQLError('Context creation failed: connect ECONNREFUSED 10.0.0.5:5432');
    const formatted = formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);

    expect(formatted).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('calls a request error Apollo answers 400 without a code BAD_REQUEST', () => {
    const error = new GraphQLError('Unsupported persisted query version', { extensions: { http: { status: 400 } } });
    const formatted = formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);

    expect(formatted).toEqual({ message: error.message, extensions: { code: 'BAD_REQUEST' } });
  });

  it('codes an APQ hash that is not the query PERSISTED_QUERY_HASH_MISMATCH', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    const formatted = formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);

    expect(formatted.extensions).toEqual({ code: 'PERSISTED_QUERY_HASH_MISMATCH' });
  });

  it.each([
    ['Variable "$s" got invalid value "NOPE"; Value "NOPE" does not exist in "ArticleStatus" enum.', '$s'],
    [
      'Variable "$w" got invalid value "NOPE" at "w.status"; Value "NOPE" does not exist in "ArticleStatus" enum.',
      '$w.status',
    ],
    ['Variable "$n" of non-null type "Int!" must not be null.', '$n'],
    ['Variable "$n" of required type "Int!" was not provided.', '$n'],
  ])('names the variable of %j in extensions.field', (message, field) => {
    const formatted = formatError({ message, extensions: { code: 'BAD_USER_INPUT' } });

    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('names the token limit as bad input', () => {
    const message = 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.';
    const formatted = formatError({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });

    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'maxTokens', maxTokens: 2000 });
    expect(formatted.message).toMatch(/^Query has more than 2000 tokens/);
  });
});

describe('clientErrorCode', () => {
  it.each([
    [
      new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } }),
      'PERSISTED_QUERY_HASH_MISMATCH',
    ],
    [new GraphQLError('Unsupported persisted query version', { extensions: { http: { status: 400 } } }), 'BAD_REQUEST'],
    [
      new GraphQLError('Query is too complex', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' } }),
      'BAD_USER_INPUT',
    ],
    [new GraphQLError('Syntax Error: Document contains more than 2000 tokens. Parsing aborted.'), 'BAD_USER_INPUT'],
    [new GraphQLError('No such article', { extensions: { code: 'NOT_FOUND' } }), 'NOT_FOUND'],
    [new GraphQLError('boom'), 'INTERNAL_SERVER_ERROR'],
    [new Error('boom'), 'INTERNAL_SERVER_ERROR'],
  ])('is what formatError answers (%s)', (error, code) => {
    expect(clientErrorCode(error)).toBe(code);
    const formatted = formatError(
      {
        message: error.message,
        extensions: { code: 'INTERNAL_SERVER_ERROR', ...(error instanceof GraphQLError ? error.extensions : {}) },
      },
      error,
    );
    expect(formatted.extensions?.code).toBe(code);
  });
});
