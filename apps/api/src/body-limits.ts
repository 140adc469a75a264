import express, { type NextFunction, type Request, type Response } from 'express';
import { GRAPHQL_PATH } from './graphql/graphql-path.js';

/**
 * Largest JSON body, in bytes. Anonymous readers only send queries (at most 2,000 tokens) and
 * small variables; editors send whole articles, as large as an importable file (5 MB of text,
 * up to 3 bytes a character). A caller is "authenticated" here when it sends an Authorization
 * header: the token is checked later, in the GraphQL context, which refuses a bad one before
 * the query is parsed, so a forged header buys one JSON.parse of at most 16 MB.
 */
export const BODY_LIMITS = { anonymousBytes: 1024 * 1024, authenticatedBytes: 16 * 1024 * 1024 } as const;

interface BodyParserError {
  status?: number;
  type?: string;
  limit?: number;
}

/**
 * The JSON body parser, with the limit chosen per request; its errors (too large, not JSON) are
 * answered as JSON with a code rather than Express's HTML page. Named `jsonParser` so that Nest
 * does not add its own (100 kB) in front of it.
 */
export function jsonBodyParser(): (req: Request, res: Response, next: NextFunction) => void {
  const anonymous = express.json({ limit: BODY_LIMITS.anonymousBytes });
  const authenticated = express.json({ limit: BODY_LIMITS.authenticatedBytes });
  return function jsonParser(req, res, next) {
    const parse = req.headers.authorization ? authenticated : anonymous;
    parse(req, res, (error?: unknown) => (error ? refuse(req, res, error as BodyParserError) : next()));
  };
}

function refuse(req: Request, res: Response, error: BodyParserError): void {
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 400;
  const tooLarge = error.type === 'entity.too.large';
  const message = tooLarge
    ? `Request body is larger than ${error.limit} bytes${req.headers.authorization ? '' : ' (the limit without an API token)'}`
    : 'Request body is not valid JSON';
  const extensions = tooLarge
    ? { code: 'BAD_USER_INPUT', limit: 'maxBodyBytes', maxBodyBytes: error.limit }
    : { code: 'BAD_USER_INPUT' };
  res.status(status);
  // GraphQL clients look for `errors`; the admin endpoints answer errors flat, as the exception filter does.
  if (req.path === GRAPHQL_PATH) res.json({ errors: [{ message, extensions }] });
  else res.json({ ...extensions, message, statusCode: status });
}
