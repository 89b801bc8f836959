import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    rateLimits: {
      perEmail: { limit: 3, windowSeconds: 60 },
      perIp: { limit: 100, windowSeconds: 60 },
    },
  });
});
afterAll(() => server.close());

const signin = (email: string) =>
  fetch(`${server.url}/user/signin/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'Whatever-1' }),
  });

describe('sign-in rate limit', () => {
  it('answers 429 with Retry-After past the limit for one email, and lets it try again after the window', async () => {
    const email = 'target@example.com';
    for (let i = 0; i < 3; i++) expect((await signin(email)).status).toBe(401);

    const limited = await signin(email);
    const otherEmail = await signin('someone-else@example.com');
    server.clock.advance(61 * 1000);
    const later = await signin(email);

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { code: string }).code).toBe('rate_limited');
    expect(otherEmail.status).toBe(401);
    expect(later.status).toBe(401);
  });
});
