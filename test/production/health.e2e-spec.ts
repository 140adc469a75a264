import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DatabasePool, PrismaModule, PrismaService } from '@pressroom/database';
import request from 'supertest';
import { validateEnv } from '../../apps/api/src/config/index.js';
import { AppExceptionFilter } from '../../apps/api/src/errors/app-exception.filter.js';
import { HealthModule } from '../../apps/api/src/health/health.module.js';
import { createHttpAdapter } from '../../apps/api/src/http/http-adapter.js';
import { createTestApp, startApp } from '../support/create-test-app.js';

/** A port on 127.0.0.1 where nothing listens: connections to it are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real PrismaService, but the boot does not wait for the database (as after an outage). */
class UnconnectedPrisma extends PrismaService {
  override async onModuleInit(): Promise<void> {}
}

describe('/health/ready', () => {
  it('says the database is unavailable without echoing what the driver said', async () => {
    const port = await closedPort();
    const url = `postgresql://secret-user:secret-password@127.0.0.1:${port}/nowhere`;
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, validate: validateEnv, ignoreEnvFile: true }),
        PrismaModule.forRoot({ url }),
        HealthModule,
      ],
    })
      .overrideProvider(PrismaService)
      .useFactory({
        factory: (database: DatabasePool) => new UnconnectedPrisma(database, { url }),
        inject: [DatabasePool],
      })
      .compile();
    // Only the health routes, on the HTTP server main.ts uses: setupApp's hooks need the whole app.
    const adapter = createHttpAdapter(validateEnv(process.env).TRUST_PROXY);
    const app = moduleRef.createNestApplication<NestFastifyApplication>(adapter, { logger: false });
    app.useGlobalFilters(new AppExceptionFilter());
    await startApp(app);
    try {
      const res = await request(app.getHttpServer()).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'Not ready: the database is unavailable',
      });
      expect(res.text).not.toMatch(new RegExp(`ECONNREFUSED|${port}|127\\.0\\.0\\.1|secret|nowhere`, 'i'));
      await request(app.getHttpServer()).get('/health/live').expect(200);
    } finally {
      await app.close();
    }
  });

  describe('on a database that misses a migration', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await createTestApp();
    });
    afterAll(() => app.close());

    it('is 503 without naming the migrations', async () => {
      const prisma = app.get(PrismaService);
      const [last] = await prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
      await prisma.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${last!.migration_name}`;

      const res = await request(app.getHttpServer()).get('/health/ready');

      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'Not ready: migrations are pending' });
      expect(res.text).not.toContain(last!.migration_name);
    });
  });
});
