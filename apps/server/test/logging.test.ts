import { ensureStaffAccount } from '@career-nexus/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

const lines: string[] = [];
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ logTo: { write: (line: string) => void lines.push(line) } });
});
afterAll(() => server.close());

const password = 'Secret-Pass9';

async function signedIn(email: string) {
  await ensureStaffAccount(server.services.db, email, password);
  const response = await fetch(`${server.url}/user/signin/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return (await response.json()) as { access: string; refresh: string };
}

describe('request logs', () => {
  it('name the request and the user, and never carry secrets', async () => {
    const { access, refresh } = await signedIn('logged@example.com');
    lines.length = 0;

    const response = await fetch(`${server.url}/user/profile-update/?otp=123456`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${access}`,
        'x-request-id': 'req-42',
      },
      body: JSON.stringify({ industry: 'health' }),
    });

    expect(response.status).toBe(206);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const completed = entries.find((entry) => entry.msg === 'request completed');
    expect(completed).toMatchObject({ reqId: 'req-42', userId: expect.any(Number) });
    const all = lines.join('\n');
    for (const secret of [access, refresh, password, '123456']) expect(all).not.toContain(secret);
  });
});
