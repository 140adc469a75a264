import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { formatError } from './format-error.js';

describe('formatError', () => {
  beforeAll(() => Logger.overrideLogger(false)); // the internal error is logged: keep the output clean

  it('hides the message of an internal error raised outside a resolver', () => {
    const error = new GraphQLError('Context creation failed: connect ECONNREFUSED 10.0.0.5:5432');
    const formatted = formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);

    expect(formatted).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('calls a request error Apollo answers 400 without a code BAD_REQUEST', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    const formatted = formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);

    expect(formatted).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });

  it('names the token limit as bad input', () => {
    const message = 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.';
    const formatted = formatError({ message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });

    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', limit: 'maxTokens', maxTokens: 2000 });
    expect(formatted.message).toMatch(/^Query has more than 2000 tokens/);
  });
});
