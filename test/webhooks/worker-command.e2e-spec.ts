import type { ChildProcess } from 'node:child_process';
import type { INestApplication } from '@nestjs/common';
import { DATABASE_OPTIONS, type DatabaseOptions } from '@pressroom/database';
import { createTestApp } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { waitFor } from '../support/wait-for.js';
import { newDataDir, startWorkerProcess, stopProcess } from '../support/worker-process.js';
import { Receiver } from './receiver.js';
import { CREATE, mutate, PUBLISH } from './webhooks-support.js';

describe('cms worker', () => {
  let app: INestApplication;
  let worker: ChildProcess | undefined;
  const receiver = new Receiver();
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
    app = await createTestApp();
    await receiver.start();
  });
  afterAll(async () => {
    await stopProcess(worker);
    await receiver.stop();
    await app.close();
    process.env = saved;
  });

  it('delivers webhooks when no API process does', async () => {
    Object.assign(process.env, { WEBHOOK_WORKER: 'true', WEBHOOK_POLL_MS: '100' });
    worker = startWorkerProcess(app.get<DatabaseOptions>(DATABASE_OPTIONS).url, await newDataDir());
    const admin = await createToken(app, 'ADMIN');
    const editor = await createToken(app, 'EDITOR');
    await mutate(
      app,
      `mutation($url: String!) { createWebhook(url: $url, events: ["article.published"]) { secret } }`,
      { url: `http://127.0.0.1:${receiver.port}/hook` },
      admin,
    );
    const article = await mutate(app, CREATE, { input: { title: 'From the worker', body: 'x' } }, editor);
    await mutate(app, PUBLISH, { id: article.id }, editor);
    await waitFor(async () => (receiver.received.length ? true : undefined), 60_000, 'a delivery by the worker');
    expect(receiver.bodies()).toMatchObject([{ event: 'article.published', article: { id: article.id } }]);
  });
});
