// Drops every database this run made, then stops the embedded server if there is one.
import pg from 'pg';

export default async function globalTeardown() {
  const serverUrl = process.env.PRESSROOM_TEST_SERVER_URL;
  if (serverUrl) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      // Only this run's databases (named after its template): another run may share the server.
      const template = process.env.PRESSROOM_TEST_TEMPLATE;
      const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [
        `pressroom\\_t\\_${template.replace('pressroom_tpl_', '')}\\_%`,
        template,
      ]);
      for (const { datname } of rows)
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  await globalThis.__pressroomTestPg?.stop();
}
