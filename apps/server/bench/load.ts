import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface Result {
  rps: number;
  p99: number;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** The `Authorization` header to send, if any. */
  authorization?: string | undefined;
}

const run = promisify(execFile);
const autocannonBin = join(import.meta.dirname, '..', 'node_modules', '.bin', 'autocannon');

/**
 * Loads one URL with autocannon in its own process, so that the load does
 * not share the server's event loop; non-2xx answers count as errors.
 */
export async function load(url: string, options: LoadOptions): Promise<Result> {
  const header = options.authorization ? ['-H', `authorization=${options.authorization}`] : [];
  const base = ['-j', '-c', String(options.connections), ...header];
  // One short warm-up so that JIT and connection pools are ready.
  await run(autocannonBin, [...base, '-d', '2', url]);
  const { stdout } = await run(autocannonBin, [...base, '-d', String(options.seconds), url], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(stdout) as {
    requests: { average: number };
    latency: { p99: number };
    non2xx: number;
    errors: number;
  };
  return {
    rps: Math.round(report.requests.average),
    p99: report.latency.p99,
    errors: report.errors + report.non2xx,
  };
}
