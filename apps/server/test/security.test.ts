import { request } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

let open: TestServer;
let closed: TestServer;

beforeAll(async () => {
  open = await startTestServer({ env: { CORS_ORIGINS: 'https://app.example.com' } });
  closed = await startTestServer();
});
afterAll(async () => {
  await open.close();
  await closed.close();
});

const preflight = (server: TestServer, origin: string) =>
  fetch(`${server.url}/user/signin/`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,authorization',
    },
  });

/** A raw request, so that the path reaches the server exactly as written. */
function rawGet(server: TestServer, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${path}`, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('CORS', () => {
  it('lets a configured origin call from a browser', async () => {
    const response = await preflight(open, 'https://app.example.com');

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('gives other origins no permission', async () => {
    const response = await preflight(open, 'https://evil.example.com');

    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows no other origin at all when none is configured', async () => {
    const response = await preflight(closed, 'https://app.example.com');

    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('/media/', () => {
  it('never serves a file outside the uploads folder', async () => {
    await writeFile(join(closed.dataDir, 'secret.txt'), 'do not serve');

    const statuses = await Promise.all(
      ['/media/../secret.txt', '/media/%2e%2e/secret.txt', '/media/..%2fsecret.txt'].map((path) =>
        rawGet(closed, path),
      ),
    );

    expect(statuses.every((status) => status === 404 || status === 403 || status === 400)).toBe(
      true,
    );
  });

  it('serves uploads as inert content', async () => {
    await writeFile(join(closed.dataDir, 'uploads', 'page.html'), '<script>alert(1)</script>');

    const response = await fetch(`${closed.url}/media/page.html`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('security headers', () => {
  it('are sent on API replies', async () => {
    const response = await fetch(`${closed.url}/healthz`);

    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
