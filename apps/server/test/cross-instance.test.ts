import { ensureStaffAccount } from '@career-nexus/api';
import { createClient, type CareerNexusClient } from '@career-nexus/sdk';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

const password = 'Sturdy-Pass1';

// Two instances can only share a database on PostgreSQL; PGlite lives in one process.
describe.runIf(process.env.TEST_DATABASE_URL)('two server instances on one database', () => {
  let first: TestServer;
  let second: TestServer;
  let staff: CareerNexusClient;

  beforeAll(async () => {
    first = await startTestServer({
      rateLimits: { perEmail: { limit: 2, windowSeconds: 60 } },
    });
    second = await startTestServer({
      sameDatabaseAs: first,
      rateLimits: { perEmail: { limit: 2, windowSeconds: 60 } },
    });
    staff = createClient({ url: first.url, WebSocket });
  });
  afterAll(async () => {
    await staff.close();
    await second.close();
    await first.close();
  });

  it('streams to a dashboard on one instance a sign-up made on the other', async () => {
    await ensureStaffAccount(first.services.db, 'watcher@example.com', password);
    await staff.auth.signin.mutate({ email: 'watcher@example.com', password });
    const received: Array<{ type: string; user_id: number }> = [];
    const started = new Promise<void>((resolve) => {
      const subscription = staff.dashboard.onActivity.subscribe(undefined, {
        onStarted: () => resolve(),
        onData: (event) => received.push(event),
      });
      afterAll(() => subscription.unsubscribe());
    });
    await started;

    const visitor = createClient({ url: second.url });
    const email = 'newcomer@example.com';
    await visitor.auth.signup.mutate({ email, password1: password, password2: password });
    await expect.poll(async () => (await second.mailTo(email)).length).toBe(1);
    const otp = /\b(\d{6})\b/.exec((await second.mailTo(email))[0]!.text)![1]!;
    const done = await visitor.auth.signup.mutate({
      email,
      password1: password,
      password2: password,
      otp,
    });

    await expect.poll(() => received.map((e) => e.type)).toContain('user.signed_up');
    expect(JSON.stringify(received)).not.toContain(done.status === 'Success' ? done.access : 'x');
    await visitor.close();
  });

  it('shares sign-in attempt counts between the instances', async () => {
    const attempt = (server: TestServer) =>
      fetch(`${server.url}/user/signin/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'shared-limit@example.com', password: 'Wrong-Pass1' }),
      });

    const one = await attempt(first);
    const two = await attempt(second);
    const three = await attempt(first);

    expect([one.status, two.status, three.status]).toEqual([401, 401, 429]);
  });
});
