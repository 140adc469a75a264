// What the stack costs before any of Pressroom's own work, not part of `npm test` (issue 14,
// item 1): the server's CPU time per request for one GraphQL read answered from memory (20
// articles with an author and two tags each, Q1's shape, no database), served by
//
//   raw           node:http writing the JSON itself (what the floor spends besides its SQL)
//   graphql       node:http + graphql-js execute, documents parsed and validated once
//   apollo        Apollo Server 5's standalone server (node:http)
//   nest-express  NestJS 12 + @nestjs/apollo on Express, code-first, as Pressroom ran until it
//                 moved to Fastify; needs packages the repository no longer installs:
//                 npm install --no-save @nestjs/platform-express @as-integrations/express5 express
//   nest-fastify  the same on Fastify, as Pressroom runs
//
//   node bench/api/framework-floor.mjs [--modes raw,graphql,apollo,nest-express,nest-fastify]
//     [--requests 10000] [--rounds 3] [--connections 10]
//
// Each mode runs in its own process (this file, with --serve MODE PORT); round after round every
// mode gets the same requests, its CPU time (user + system, /proc) read before and after.
// Prints JSON: per mode, the median CPU ms per request and the rounds.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

const QUERY =
  'query Latest($first: Int!) { articles(first: $first) { id slug title publishedAt authors { id name } tags { id slug } } }';
const ARTICLES = Array.from({ length: 20 }, (_, i) => ({
  id: `article-${i}`,
  slug: `article-${i}`,
  title: `The title of article number ${i}`,
  publishedAt: new Date(Date.UTC(2026, 0, i + 1)).toISOString(),
  authors: [{ id: `author-${i}`, name: `Author ${i}` }],
  tags: [
    { id: `tag-${i}`, slug: `tag-${i}` },
    { id: `tag-${i + 1}`, slug: `tag-${i + 1}` },
  ],
}));
const SDL = `type Author { id: ID! name: String! }
type Tag { id: ID! slug: String! }
type Article { id: ID! slug: String! title: String! publishedAt: String! authors: [Author!]! tags: [Tag!]! }
type Query { articles(first: Int!): [Article!]! }`;

function readJson(req) {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => resolve(JSON.parse(body)));
  });
}

function listen(handler, port) {
  return new Promise((resolve) => http.createServer(handler).listen(port, '127.0.0.1', resolve));
}

async function serveRaw(port) {
  await listen(async (req, res) => {
    const { variables } = await readJson(req);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { articles: ARTICLES.slice(0, variables.first) } }));
  }, port);
}

async function serveGraphql(port) {
  const { buildSchema, execute, parse, validate } = await import('graphql');
  const schema = buildSchema(SDL);
  const rootValue = { articles: ({ first }) => ARTICLES.slice(0, first) };
  const documents = new Map();
  await listen(async (req, res) => {
    const { query, variables } = await readJson(req);
    let document = documents.get(query);
    if (!document) {
      document = parse(query);
      if (validate(schema, document).length) throw new Error('invalid document');
      documents.set(query, document);
    }
    const result = await execute({ schema, document, rootValue, variableValues: variables });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result));
  }, port);
}

async function serveApollo(port) {
  const { buildSchema } = await import('graphql');
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  const server = new ApolloServer({
    schema: buildSchema(SDL),
    rootValue: { articles: ({ first }) => ARTICLES.slice(0, first) },
  });
  await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
}

// Code-first as in apps/api, with the decorators applied by hand (this file is not compiled).
async function serveNest(port, platform) {
  await import('reflect-metadata');
  const { Module } = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  const { ApolloDriver } = await import('@nestjs/apollo');
  const { Args, Field, GraphQLModule, ID, Int, ObjectType, Query, Resolver } = await import('@nestjs/graphql');
  const objectType = (name, fields) => {
    const type = { [name]: class {} }[name];
    for (const [field, typeFn] of Object.entries(fields)) Field(typeFn)(type.prototype, field);
    ObjectType()(type);
    return type;
  };
  const Author = objectType('Author', { id: () => ID, name: () => String });
  const Tag = objectType('Tag', { id: () => ID, slug: () => String });
  const Article = objectType('Article', {
    id: () => ID,
    slug: () => String,
    title: () => String,
    publishedAt: () => String,
    authors: () => [Author],
    tags: () => [Tag],
  });
  class ArticlesResolver {
    articles(first) {
      return ARTICLES.slice(0, first);
    }
  }
  // What TypeScript's emitDecoratorMetadata would have written, read by Nest's decorators.
  Reflect.defineMetadata('design:paramtypes', [Number], ArticlesResolver.prototype, 'articles');
  Reflect.defineMetadata('design:returntype', Array, ArticlesResolver.prototype, 'articles');
  Args('first', { type: () => Int })(ArticlesResolver.prototype, 'articles', 0);
  Query(() => [Article])(
    ArticlesResolver.prototype,
    'articles',
    Object.getOwnPropertyDescriptor(ArticlesResolver.prototype, 'articles'),
  );
  Resolver(() => Article)(ArticlesResolver);
  class BenchModule {}
  Module({
    imports: [GraphQLModule.forRoot({ driver: ApolloDriver, autoSchemaFile: true, playground: false })],
    providers: [ArticlesResolver],
  })(BenchModule);
  const options = { logger: false };
  const app =
    platform === 'fastify'
      ? await NestFactory.create(BenchModule, new (await import('@nestjs/platform-fastify')).FastifyAdapter(), options)
      : await NestFactory.create(BenchModule, new (await import('@nestjs/platform-express')).ExpressAdapter(), options);
  await app.listen(port, '127.0.0.1');
}

const SERVERS = {
  raw: serveRaw,
  graphql: serveGraphql,
  apollo: serveApollo,
  'nest-express': (port) => serveNest(port, 'express'),
  'nest-fastify': (port) => serveNest(port, 'fastify'),
};

function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 1/100 s
}

async function startServer(mode, port) {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', mode, String(port)], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const message = await new Promise((resolve) => {
    child.once('message', resolve);
    child.once('exit', () => resolve({ error: stderr.trim().split('\n').slice(-3).join(' ') }));
  });
  if (message.error) return { skipped: message.error };
  return { child };
}

async function measure() {
  const { default: autocannon } = await import('autocannon');
  const modes = arg('modes', 'raw,graphql,apollo,nest-express,nest-fastify').split(',');
  const requests = Number(arg('requests', 10000));
  const rounds = Number(arg('rounds', 3));
  const connections = Number(arg('connections', 10));
  const body = JSON.stringify({ query: QUERY, variables: { first: 20 } });
  const runs = Object.fromEntries(modes.map((mode) => [mode, []]));
  const skipped = {};
  for (let round = 0; round < rounds; round++) {
    for (const mode of modes) {
      if (skipped[mode]) continue;
      const port = 40500 + modes.indexOf(mode);
      const started = await startServer(mode, port);
      if (started.skipped) {
        skipped[mode] = started.skipped;
        process.stderr.write(`${mode}: skipped (${started.skipped})\n`);
        continue;
      }
      const options = {
        url: `http://127.0.0.1:${port}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
      };
      await autocannon({ ...options, amount: Math.ceil(requests / 3) }); // warm-up: JIT, caches
      const before = cpuMs(started.child.pid);
      const result = await autocannon({ ...options, amount: requests });
      const perRequest = (cpuMs(started.child.pid) - before) / result.requests.total;
      if (result.non2xx || result.errors) throw new Error(`${mode}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      runs[mode].push(Number(perRequest.toFixed(3)));
      process.stderr.write(`round ${round + 1} ${mode}: ${perRequest.toFixed(3)} CPU ms/request\n`);
      started.child.kill();
      await new Promise((resolve) => started.child.once('exit', resolve));
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const result = {};
  for (const mode of modes) {
    result[mode] = skipped[mode]
      ? { skipped: skipped[mode] }
      : { cpuMsPerRequest: median(runs[mode]), rounds: runs[mode] };
  }
  console.log(JSON.stringify({ connections, requests, result }, null, 2));
}

const serve = process.argv.indexOf('--serve');
if (serve > 0) {
  const [mode, port] = process.argv.slice(serve + 1);
  try {
    await SERVERS[mode](Number(port));
    process.send({ ready: true });
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
} else {
  await measure();
}
