/**
 * Throughput of one trivial operation and one signed-in database read
 * through four paths: the REST door, tRPC over HTTP, the stock
 * trpc-to-openapi adapter, and a bare Fastify route doing the same work.
 *
 *   pnpm bench                      # PGlite in memory
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench
 *
 * BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune a run.
 * The load comes from autocannon in a separate process, so that it does
 * not share the server's event loop.
 */
import { createContext } from '@career-nexus/api';
import type { FastifyInstance } from 'fastify';
import { fastifyTRPCOpenApiPlugin } from 'trpc-to-openapi';
import { bearerToken } from '../src/http/bearer.ts';
import type { Runtime } from '../src/services.ts';
import { load, type Result } from './load.ts';
import { benchRouter, memberOutput, pingOutput, readMember } from './router.ts';
import { seedMembers } from './seed.ts';
import { startBenchServer } from './server.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const members = Number(process.env.BENCH_MEMBERS ?? 10_000);

async function main() {
  const server = await startBenchServer({
    router: benchRouter,
    mount: (app, runtime) => {
      mountStockAdapter(app, runtime);
      mountBareRoutes(app, runtime);
    },
  });
  const { runtime, database, base } = server;

  const token = await seedMembers(runtime.services, members);
  const auth = `Bearer ${token}`;
  const paths = {
    'REST door': { ping: '/bench/ping/', member: '/bench/member/' },
    'tRPC HTTP': {
      ping: '/trpc/bench.ping?input=%7B%7D',
      member: '/trpc/bench.member?input=%7B%7D',
    },
    'trpc-to-openapi': { ping: '/stock/bench/ping', member: '/stock/bench/member' },
    'bare Fastify': { ping: '/bare/ping', member: '/bare/member' },
  };

  console.log(
    `driver ${database.handle.driver}, ${members} members, ${connections} connections, ${seconds} s a run\n`,
  );
  const rows: Array<{ path: string; op: string } & Result> = [];
  for (const op of ['ping', 'member'] as const) {
    for (const [path, urls] of Object.entries(paths)) {
      const result = await load(`${base}${urls[op]}`, {
        connections,
        seconds,
        authorization: op === 'member' ? auth : undefined,
      });
      rows.push({ path, op, ...result });
      console.log(
        `${op.padEnd(7)} ${path.padEnd(16)} ${String(result.rps).padStart(7)} req/s  p99 ${result.p99} ms  errors ${result.errors}`,
      );
    }
  }
  printTable(rows);

  await server.close();
}

/** The stock adapter, for comparison only: it converts every request to Fetch API objects. */
function mountStockAdapter(app: FastifyInstance, runtime: Runtime) {
  app.register(fastifyTRPCOpenApiPlugin, {
    router: benchRouter,
    basePath: '/stock',
    createContext: ({
      req,
    }: {
      req: { headers: Record<string, string | undefined>; socket: { remoteAddress?: string } };
    }) =>
      createContext(runtime.services, {
        token: bearerToken(req.headers.authorization),
        ip: req.socket.remoteAddress ?? '',
      }),
  } as never);
}

/** The same work as the procedures, written straight into Fastify routes. */
function mountBareRoutes(app: FastifyInstance, runtime: Runtime) {
  const { services } = runtime;
  app.get('/bare/ping', async () => pingOutput.parse({ status: 'ok' }));
  app.get('/bare/member', async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    const session = token ? await services.sessions.validate(token) : null;
    if (!session) return reply.code(401).send({ code: 'unauthenticated', message: 'Sign in.' });
    return memberOutput.parse(await readMember(services, session.user.id));
  });
}

function printTable(rows: Array<{ path: string; op: string } & Result>) {
  console.log('\n| operation | path | req/s | p99 ms | vs bare | vs stock |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const bare = rows.find((r) => r.op === row.op && r.path === 'bare Fastify')!;
    const stock = rows.find((r) => r.op === row.op && r.path === 'trpc-to-openapi')!;
    const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '-');
    console.log(
      `| ${row.op} | ${row.path} | ${row.rps} | ${row.p99} | ${ratio(row.rps, bare.rps)}x | ${ratio(row.rps, stock.rps)}x |`,
    );
  }
}

await main();
