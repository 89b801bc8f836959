import type { ActivityEvent } from '@career-nexus/api';
import { connections } from '@career-nexus/db';
import { and, eq, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signUp } from './fixtures/members.ts';
import { refusalCode as refusal } from './fixtures/refusals.ts';
import { sdkTestServer } from './fixtures/sdk.ts';

const sdk = sdkTestServer();
const db = () => sdk.server.services.db;

/** A signed-in member's connection procedures. */
async function member() {
  const signedUp = await signUp(sdk.server, 'learner');
  const client = sdk.connect({ token: signedUp.access, refreshToken: signedUp.refresh });
  return { id: signedUp.id, connection: client.network.connection };
}

type SdkMember = Awaited<ReturnType<typeof member>>;

function rowsBetween(a: SdkMember, b: SdkMember) {
  const from = (x: SdkMember, y: SdkMember) =>
    and(eq(connections.requesterId, x.id), eq(connections.recipientId, y.id));
  return db()
    .select()
    .from(connections)
    .where(or(from(a, b), from(b, a)));
}

/** Collects the activity events of one type until `done` says stop. */
function watchActivity(type: ActivityEvent['type'], userId: number) {
  const stop = new AbortController();
  const seen = (async () => {
    for await (const event of sdk.server.services.events.subscribe('activity', stop.signal)) {
      if (event.type === type && event.user_id === userId) return event;
    }
    return undefined;
  })();
  return {
    async next() {
      const event = await seen;
      stop.abort();
      return event;
    },
  };
}

describe('connections through the SDK', () => {
  it('requests, accepts and lists a connection, telling the dashboards', async () => {
    const [me, other] = [await member(), await member()];
    const requestedEvent = watchActivity('connection.requested', me.id);
    const acceptedEvent = watchActivity('connection.accepted', other.id);

    const created = await me.connection.request.mutate({ connection: other.id });
    const pending = await other.connection.pending.query();
    const sent = await me.connection.sent.query();
    const answered = await other.connection.respond.mutate({
      connection_id: created.id,
      status: 'Accept',
    });
    const mine = await me.connection.list.query();
    const theirs = await other.connection.count.query();

    expect(created).toMatchObject({ user: me.id, connection: other.id, status: 'PENDING' });
    expect(pending.count).toBe(1);
    expect(pending.pending_requests[0]?.connection.user_id).toBe(me.id);
    expect(sent.connection_requests[0]?.connection.user_id).toBe(other.id);
    expect(answered).toEqual({ status: 'Accepted' });
    expect(mine.map((item) => item.connection.user_id)).toEqual([other.id]);
    expect(theirs).toEqual({ connections_count: 1 });
    expect((await requestedEvent.next())?.subject).toEqual({ type: 'connection', id: created.id });
    expect((await acceptedEvent.next())?.subject).toEqual({ type: 'connection', id: created.id });
  });

  it('refuses a second request either way, self and unknown members', async () => {
    const [me, other] = [await member(), await member()];
    await me.connection.request.mutate({ connection: other.id });

    expect(await refusal(me.connection.request.mutate({ connection: other.id }))).toBe('conflict');
    expect(await refusal(other.connection.request.mutate({ connection: me.id }))).toBe('conflict');
    expect(await refusal(me.connection.request.mutate({ connection: me.id }))).toBe('bad_request');
    expect(await refusal(me.connection.request.mutate({ connection: 2_000_000_000 }))).toBe(
      'not_found',
    );
  });

  it('leaves one row when two members ask each other at the same instant', async () => {
    const [a, b] = [await member(), await member()];

    const outcomes = await Promise.allSettled([
      a.connection.request.mutate({ connection: b.id }),
      b.connection.request.mutate({ connection: a.id }),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await rowsBetween(a, b)).toHaveLength(1);
  });

  it('lets only the recipient answer, once, and deletes a rejected request', async () => {
    const [me, other, third] = [await member(), await member(), await member()];
    const { id } = await me.connection.request.mutate({ connection: other.id });
    const { id: rejectedId } = await third.connection.request.mutate({ connection: other.id });

    const byRequester = await refusal(
      me.connection.respond.mutate({ connection_id: id, status: 'Accept' }),
    );
    await other.connection.respond.mutate({ connection_id: id, status: 'Accept' });
    const second = await refusal(
      other.connection.respond.mutate({ connection_id: id, status: 'Accept' }),
    );
    const rejected = await other.connection.respond.mutate({
      connection_id: rejectedId,
      status: 'Reject',
    });

    expect(byRequester).toBe('forbidden');
    expect(second).toBe('conflict');
    expect(rejected).toEqual({ status: 'Rejected' });
    expect(await rowsBetween(third, other)).toEqual([]);
  });

  it('removes a connection and refuses an unknown one', async () => {
    const [me, other] = [await member(), await member()];
    const { id } = await me.connection.request.mutate({ connection: other.id });

    await other.connection.remove.mutate({ connection_id: id });

    expect(await rowsBetween(me, other)).toEqual([]);
    expect(await refusal(me.connection.remove.mutate({ connection_id: id }))).toBe('not_found');
  });

  it('recommends members of my industry and refuses an unknown criteria', async () => {
    const [me, other] = [await member(), await member()];

    const page = await me.connection.recommend.query({ criteria: 'industry', page_size: 50 });
    const unknown = await refusal(
      me.connection.recommend.query({ criteria: 'age' as unknown as 'industry' }),
    );

    expect(page.results.map((item) => item.id)).toContain(other.id);
    expect(page.results.map((item) => item.id)).not.toContain(me.id);
    expect(unknown).toBe('validation_failed');
  });
});
