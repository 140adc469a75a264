import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { BodyRenderer, INLINE_RENDER_CHARS } from '../../libs/content/src/articles/rendering/body-renderer.service.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';

const CREATE = 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id html } }';

/** About 2 MB of Markdown with inline HTML: seconds of markdown-it and sanitize-html work. */
const heavyBody = () => 'word **bold** `code` <b>x</b> [link](https://example.org)\n'.repeat(36_000);

describe("editors' bodies render off the event loop", () => {
  let app: INestApplication;
  let editor: string;
  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
    await new Promise<void>((resolve) => app.getHttpServer().listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => app.close());

  it('keeps answering /health/live while a 2 MB body renders', async () => {
    let done = false;
    const startedAt = Date.now();
    const create = request(app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${editor}`)
      .send({ query: CREATE, variables: { input: { title: 'Heavy', body: heavyBody() } } })
      .then((res) => {
        done = true;
        return res;
      });
    // Probe the whole time the mutation runs: on the event loop, rendering held every probe for
    // its whole duration (seconds); on a thread the probes go on answering.
    const answeredAt: number[] = [];
    while (!done) {
      const probe = await request(app.getHttpServer()).get('/health/live');
      expect(probe.status).toBe(200);
      answeredAt.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const created = await create;
    const mutationMs = Date.now() - startedAt;

    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createArticle.html).toContain('<strong>bold</strong>');
    const longestGap = Math.max(...answeredAt.slice(1).map((at, i) => at - answeredAt[i]!));
    // Rendering takes seconds (3-4 s on one idle core here). On the event loop, one gap would span
    // nearly the whole mutation; on a thread, no gap comes near half of it. A ratio, not a
    // duration, so a busy machine slows both sides alike.
    expect(answeredAt.length).toBeGreaterThan(4);
    expect(longestGap).toBeLessThan(mutationMs / 2);
  });

  it('works every whole-body pass of a large body on the threads: rendering, excerpt, search document', async () => {
    const renderer = app.get(BodyRenderer);
    // One paragraph of 300 KB with an unclosed `{%`: the excerpt reads all of it.
    const body = `{% ${'lorem ipsum '.repeat(25_000)}`;
    const before = renderer.threadTasks;
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${editor}`)
      .send({
        query: 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id version excerpt } }',
        variables: { input: { title: 'Long paragraph', body } },
      });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createArticle.excerpt).toMatch(/^\{% lorem ipsum .*…$/);
    expect(renderer.threadTasks - before).toBe(3);

    // Publishing leaves title, excerpt and body alone: no pass over the body at all.
    const { id, version } = res.body.data.createArticle;
    const afterCreate = renderer.threadTasks;
    const published = await request(app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${editor}`)
      .send({
        query: 'mutation($id: ID!, $v: Int) { publishArticle(id: $id, expectedVersion: $v) { status } }',
        variables: { id, v: version },
      });
    expect(published.body.errors).toBeUndefined();
    expect(renderer.threadTasks).toBe(afterCreate);
  });

  it('renders a small body inline with the same result', async () => {
    const body = 'Short *and* <script>alert(1)</script>sweet.';
    expect(body.length).toBeLessThan(INLINE_RENDER_CHARS);
    const res = await request(app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${editor}`)
      .send({ query: CREATE, variables: { input: { title: 'Small', body } } });
    expect(res.body.data.createArticle.html).toBe('<p>Short <em>and</em> sweet.</p>');
  });
});
