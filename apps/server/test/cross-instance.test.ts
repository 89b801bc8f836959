import { ensureStaffAccount } from '@career-nexus/api';
import { createClient, type CareerNexusClient } from '@career-nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './harness.ts';

const password = 'Sturdy-Pass1';
// Two processes' worth of servers on one database: PGlite lives in one process only.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)('two server instances on one database', () => {
  let first: TestServer;
  let second: TestServer;
  let watcher: CareerNexusClient;

  beforeAll(async () => {
    first = await startTestServer();
    second = await startTestServer({ sameDatabaseAs: first });
  });
  afterAll(async () => {
    await watcher?.close();
    await second.close();
    await first.close();
  });

  const signIn = (server: TestServer, email: string) =>
    fetch(`${server.url}/user/signin/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('accepts on one instance the tokens issued by the other', async () => {
    await ensureStaffAccount(first.services.db, 'shared@example.com', password);
    const { access } = (await (await signIn(first, 'shared@example.com')).json()) as {
      access: string;
    };

    const response = await fetch(`${second.url}/user/profile-update/`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${access}` },
      body: JSON.stringify({ industry: 'media' }),
    });

    expect(response.status).toBe(206);
  });

  it('streams to a WebSocket on one instance what happens on the other', async () => {
    await ensureStaffAccount(first.services.db, 'watcher@example.com', password);
    await ensureStaffAccount(first.services.db, 'actor@example.com', password);
    watcher = createClient({ url: second.url, WebSocket });
    await watcher.auth.signin.mutate({ email: 'watcher@example.com', password });
    const seen: string[] = [];
    const subscription = watcher.dashboard.onActivity.subscribe(undefined, {
      onData: (event) => void seen.push(event.type),
    });

    // The subscription may still be opening when the first event goes out: repeat until one lands.
    await expect
      .poll(async () => (await signIn(first, 'actor@example.com'), seen.length), {
        timeout: 15_000,
        interval: 200,
      })
      .toBeGreaterThan(0);
    subscription.unsubscribe();

    expect(seen[0]).toBe('user.signed_in');
  });
});
