import { insertToken, startApiProcess, type ApiProcess } from '../support/api-process.js';
import { createTestDatabase, withClient } from '../support/test-database.js';

const VIEWER = '{ viewer { role name } }';
const REVOKE = 'mutation($name: String!) { revokeApiToken(name: $name) { name revokedAt } }';
// Each API process keeps verified tokens for 10 s (VERIFIED_TOKEN_TTL_MS); a revocation must
// reach every process long before that, as soon as its notification does.
const AGREEMENT_MS = 1000;

async function ask(api: ApiProcess, query: string, token: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, data: body.data, code: body.errors?.[0]?.extensions?.code };
}

/**
 * Asks `api` every 5 ms until `token` is refused; how long after the start the first refused
 * request was sent (the time a request itself takes on a busy machine is not the process's delay).
 */
async function msUntilRefused(api: ApiProcess, token: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    const sent = Date.now();
    if ((await ask(api, VIEWER, token)).code === 'UNAUTHENTICATED') return sent - started;
    if (sent - started > 10_000) throw new Error('the revoked token still works after 10 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('API token revocation across API processes', () => {
  let databaseUrl: string;
  let a: ApiProcess;
  let b: ApiProcess;
  let admin: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    // One after the other: pg-boss's queue creation can deadlock when two processes start at once.
    a = await startApiProcess(databaseUrl);
    b = await startApiProcess(databaseUrl);
    admin = await insertToken(databaseUrl, 'ADMIN');
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  /** An EDITOR token both processes have just accepted (so both keep it), and its name. */
  async function acceptedEverywhere(): Promise<{ token: string; name: string }> {
    const token = await insertToken(databaseUrl, 'EDITOR');
    for (const api of [a, b, a, b]) expect((await ask(api, VIEWER, token)).data?.viewer?.role).toBe('EDITOR');
    return { token, name: (await ask(a, VIEWER, token)).data!.viewer.name };
  }

  it('refuses a token revoked through process A on A at once and on B within moments', async () => {
    const { token, name } = await acceptedEverywhere();

    const revoked = await ask(a, REVOKE, admin, { name });

    expect(revoked.data?.revokeApiToken?.revokedAt).toBeTruthy();
    expect(await ask(a, VIEWER, token)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await msUntilRefused(b, token)).toBeLessThan(AGREEMENT_MS);
  });

  it('refuses a token revoked or deleted outside the API (the CLI, psql) on every process within moments', async () => {
    const revoked = await acceptedEverywhere();
    const deleted = await acceptedEverywhere();

    await withClient(databaseUrl, (client) =>
      client.query('UPDATE "ApiToken" SET "revokedAt" = now() WHERE name = $1', [revoked.name]),
    );
    await withClient(databaseUrl, (client) => client.query('DELETE FROM "ApiToken" WHERE name = $1', [deleted.name]));

    for (const api of [a, b]) {
      expect(await msUntilRefused(api, revoked.token)).toBeLessThan(AGREEMENT_MS);
      expect(await msUntilRefused(api, deleted.token)).toBeLessThan(AGREEMENT_MS);
    }
  });

  it('keeps accepting a valid token after another one is revoked', async () => {
    const kept = await acceptedEverywhere();
    const gone = await acceptedEverywhere();

    await ask(b, REVOKE, admin, { name: gone.name });

    expect(await msUntilRefused(a, gone.token)).toBeLessThan(AGREEMENT_MS);
    for (const api of [a, b]) expect((await ask(api, VIEWER, kept.token)).data?.viewer?.name).toBe(kept.name);
  });
});
