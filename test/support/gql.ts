import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
  headers: Record<string, string>;
}

/** POSTs one GraphQL operation to the app, optionally with a bearer token. */
export async function gql<T = Record<string, any>>(
  app: INestApplication,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResponse<T>> {
  const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req.send({ query, variables });
  return {
    status: res.status,
    data: res.body?.data ?? undefined,
    errors: res.body?.errors,
    headers: res.headers as Record<string, string>,
  };
}
