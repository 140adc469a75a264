import type { ConfigService } from '@nestjs/config';
import type { Env } from '@pressroom/common';
import { DatabasePool } from '@pressroom/database';
import { ImportQueue } from '../../libs/importer/src/queue/import-queue.service.js';
import { createTestDatabase, withClient } from '../support/test-database.js';

/**
 * Replicas and workers started together on a new database all create the job queues at once.
 * pg-boss's create_queue attaches a partition to the job table, and PostgreSQL ends one of two
 * such transactions as a deadlock victim (40P01): four pg-boss instances racing on a new
 * database lost 14 of 20 starts that way. Every process must start.
 */
describe('job queues created by several processes at once', () => {
  const config = {
    get: (key: keyof Env) => ({ IMPORT_EXPIRE_SECONDS: 900, IMPORT_BATCH_CONCURRENCY: 1 })[key as string],
  } as unknown as ConfigService<Env, true>;

  it('start in every one of them', async () => {
    for (let round = 0; round < 3; round++) {
      const url = await createTestDatabase();
      const pools = Array.from({ length: 4 }, () => new DatabasePool({ url, poolSize: 3 }));
      const queues = pools.map((pool) => new ImportQueue(pool, config));
      try {
        const started = await Promise.allSettled(
          queues.map((queue) => queue.sendJob('00000000-0000-4000-8000-00000000000' + round)),
        );
        expect(started.filter((result) => result.status === 'rejected')).toEqual([]);
        const names = await withClient(
          url,
          async (c) => (await c.query(`SELECT name FROM pgboss.queue ORDER BY name`)).rows,
        );
        expect(
          names.map((row: { name: string }) => row.name).filter((name: string) => name.startsWith('import-')),
        ).toEqual(['import-batch', 'import-job']);
      } finally {
        for (const queue of queues) await queue.onModuleDestroy();
        for (const pool of pools) await pool.onApplicationShutdown();
      }
    }
  }, 120_000);
});
