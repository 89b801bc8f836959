import { ensureStaffAccount } from '@career-nexus/api';
import {
  isTRPCClientError,
  type CareerNexusClient,
  type RouterOutputs,
  type SubscriptionEvent,
  type TokenPair,
} from '@career-nexus/sdk';
import { describe, expect, it } from 'vitest';
import { sdkTestServer } from './fixtures/sdk.ts';

type Activity = SubscriptionEvent<RouterOutputs['dashboard']['onActivity']>;

const password = 'Sturdy-Pass1';
// Running subscriptions check their session every 100 ms instead of 30 s.
const sdk = sdkTestServer({ sessionCheckMs: 100 });
let n = 0;

async function otpFor(email: string): Promise<string> {
  await expect.poll(async () => (await sdk.server.mailTo(email)).length).toBeGreaterThan(0);
  const text = (await sdk.server.mailTo(email)).at(-1)!.text;
  return /\b(\d{6})\b/.exec(text)![1]!;
}

/** A new learner, signed up through the SDK in both stages. */
async function signedUp(client: CareerNexusClient) {
  const email = `sdk-learner${++n}@example.com`;
  await client.auth.signup.mutate({ email, password1: password, password2: password });
  const otp = await otpFor(email);
  const done = await client.auth.signup.mutate({
    email,
    password1: password,
    password2: password,
    otp,
  });
  return { email, done };
}

/** A new staff account; signing in is left to the test. */
async function staffAccount(): Promise<string> {
  const email = `sdk-staff${++n}@example.com`;
  await ensureStaffAccount(sdk.server.services.db, email, password);
  return email;
}

/** Signs in, publishing a `user.signed_in` activity event. */
async function signIn(email: string): Promise<void> {
  await sdk.connect().auth.signin.mutate({ email, password });
}

/**
 * Subscribes `watcher` to dashboard activity and waits until it streams,
 * signing `someone` in until an event arrives, since the subscription may
 * still be opening when the first one is published.
 */
async function watchActivity(watcher: CareerNexusClient, someone: string) {
  const events: Activity[] = [];
  const failures: unknown[] = [];
  const subscription = watcher.dashboard.onActivity.subscribe(undefined, {
    onData: (event) => events.push(event),
    onError: (error) => failures.push(error),
  });
  const arrives = async (count: number) => {
    await expect
      .poll(
        async () => {
          await signIn(someone);
          return events.length;
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBeGreaterThan(count);
  };
  await arrives(0);
  return { events, failures, subscription, arrives };
}

/** Ends every access session of the user behind a token; refresh tokens stay valid. */
async function revokeAccess(access: string): Promise<void> {
  const session = await sdk.server.services.sessions.validate(access);
  await sdk.server.services.sessions.revokeUser(session!.user.id);
}

describe('createClient', () => {
  it('keeps the tokens of a sign-up and sends them with batched calls over HTTP', async () => {
    const client = sdk.connect();
    const { email, done } = await signedUp(client);

    const [first, second] = await Promise.all([
      client.profile.updateIndustry.mutate({ industry: 'health' }),
      client.profile.updateIndustry.mutate({ industry: 'media' }),
    ]);

    expect(done).toMatchObject({ status: 'Success', user: email });
    expect(first).toEqual({ industry: 'health', email, user_type: 'learner' });
    expect(second).toEqual({ industry: 'media', email, user_type: 'learner' });
  });

  it('refuses a protected call with UNAUTHORIZED when it has no token', async () => {
    const client = sdk.connect();

    const failure = await client.profile.updateIndustry
      .mutate({ industry: 'health' })
      .catch((error: unknown) => error);

    expect(isTRPCClientError(failure)).toBe(true);
    expect((failure as { data?: { code?: string } }).data?.code).toBe('UNAUTHORIZED');
  });

  it('refreshes once after the access token was revoked, hands over the pair and retries', async () => {
    const refreshed: TokenPair[] = [];
    const client = sdk.connect({ onTokenRefresh: (pair) => void refreshed.push(pair) });
    const { done } = await signedUp(client);
    const first = done as TokenPair;
    await revokeAccess(first.access);

    const results = await Promise.all([
      client.profile.updateIndustry.mutate({ industry: 'sports' }),
      client.profile.updateIndustry.mutate({ industry: 'education' }),
    ]);

    expect(results.map((result) => result.industry)).toEqual(['sports', 'education']);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]!.access).not.toBe(first.access);
    expect(refreshed[0]!.refresh).not.toBe(first.refresh);
    expect(await sdk.server.services.sessions.validate(refreshed[0]!.access)).not.toBeNull();
  });

  it('starts from a saved pair and refreshes it when the saved access token is dead', async () => {
    const signer = sdk.connect();
    const { email, done } = await signedUp(signer);
    const saved = done as TokenPair;
    await revokeAccess(saved.access);
    const refreshed: TokenPair[] = [];
    const client = sdk.connect({
      token: saved.access,
      refreshToken: saved.refresh,
      onTokenRefresh: (pair) => void refreshed.push(pair),
    });

    const result = await client.profile.updateIndustry.mutate({ industry: 'banking' });

    expect(result).toMatchObject({ email, industry: 'banking' });
    expect(refreshed).toHaveLength(1);
  });

  it('streams dashboard activity to a staff account over WebSocket', async () => {
    const watcher = sdk.connect();
    await watcher.auth.signin.mutate({ email: await staffAccount(), password });

    const { events, failures, subscription } = await watchActivity(watcher, await staffAccount());
    subscription.unsubscribe();

    expect(failures).toEqual([]);
    expect(events[0]).toMatchObject({ type: 'user.signed_in', at: expect.any(String) });
  });

  it("ends a staff member's activity stream with UNAUTHORIZED once they sign out", async () => {
    const watcher = sdk.connect();
    const pair = (await watcher.auth.signin.mutate({
      email: await staffAccount(),
      password,
    })) as TokenPair;
    const { failures } = await watchActivity(watcher, await staffAccount());

    await watcher.auth.signout.mutate({ refresh: pair.refresh });

    await expect.poll(() => failures.length).toBe(1);
    expect((failures[0] as { data?: { code?: string } }).data?.code).toBe('UNAUTHORIZED');
  });

  it('keeps two activity streams going after the access session ends, with one refresh', async () => {
    const refreshed: TokenPair[] = [];
    const watcher = sdk.connect({ onTokenRefresh: (pair) => void refreshed.push(pair) });
    const pair = (await watcher.auth.signin.mutate({
      email: await staffAccount(),
      password,
    })) as TokenPair;
    const someone = await staffAccount();
    const streams = [await watchActivity(watcher, someone), await watchActivity(watcher, someone)];

    await revokeAccess(pair.access);
    await expect.poll(() => refreshed.length).toBe(1);
    for (const stream of streams) await stream.arrives(stream.events.length);
    for (const stream of streams) stream.subscription.unsubscribe();

    expect(streams.flatMap((stream) => stream.failures)).toEqual([]);
    expect(refreshed).toHaveLength(1);
    expect(await sdk.server.services.sessions.validate(refreshed[0]!.access)).not.toBeNull();
  });

  it('refuses dashboard activity to a learner with FORBIDDEN', async () => {
    const client = sdk.connect();
    await signedUp(client);

    const failure = await new Promise<unknown>((resolve) => {
      client.dashboard.onActivity.subscribe(undefined, { onError: resolve });
    });

    expect((failure as { data?: { code?: string } }).data?.code).toBe('FORBIDDEN');
  });
});
