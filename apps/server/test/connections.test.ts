import { connections } from '@career-nexus/db';
import { and, eq, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingCaller } from './fixtures/counting.ts';
import { call, signUp, type Member, type Reply } from './fixtures/members.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const db = () => server.services.db;

const member = () => signUp(server, 'learner');

function ask(from: Member, to: Member | number): Promise<Reply> {
  const connection = typeof to === 'number' ? to : to.id;
  return call(server, 'POST', '/connection/', { connection }, from.access);
}

function answer(member: Member, connectionId: number, status: string): Promise<Reply> {
  const body = { connection_id: connectionId, status };
  return call(server, 'POST', '/connection/status/', body, member.access);
}

/** A pending request from `from` to `to`; its id. */
async function requested(from: Member, to: Member): Promise<number> {
  const reply = await ask(from, to);
  expect(reply.status).toBe(201);
  return reply.body.id as number;
}

/** A confirmed connection between the two; its id. */
async function connected(from: Member, to: Member): Promise<number> {
  const id = await requested(from, to);
  expect((await answer(to, id, 'Accept')).status).toBe(200);
  return id;
}

/** Every row between the two members, whichever asked. */
function rowsBetween(a: Member, b: Member) {
  const from = (x: Member, y: Member) =>
    and(eq(connections.requesterId, x.id), eq(connections.recipientId, y.id));
  return db()
    .select()
    .from(connections)
    .where(or(from(a, b), from(b, a)));
}

describe('POST /connection/', () => {
  it('creates a pending request in the documented shape', async () => {
    const [me, other] = [await member(), await member()];

    const reply = await ask(me, other);

    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ user: me.id, connection: other.id, status: 'PENDING' });
  });

  it('refuses a request while one exists in either direction', async () => {
    const [me, other] = [await member(), await member()];
    await requested(me, other);

    const again = await ask(me, other);
    const reverse = await ask(other, me);

    expect(again.status).toBe(409);
    expect(reverse.status).toBe(409);
    expect(reverse.body.code).toBe('conflict');
  });

  it('refuses a request to someone already connected', async () => {
    const [me, other] = [await member(), await member()];
    await connected(me, other);

    const reply = await ask(other, me);

    expect(reply.status).toBe(409);
  });

  it('refuses a request to oneself, to an unknown member and without a token', async () => {
    const me = await member();

    const self = await ask(me, me);
    const unknown = await ask(me, 2_000_000_000);
    const anonymous = await call(server, 'POST', '/connection/', { connection: me.id });

    expect(self.status).toBe(400);
    expect(unknown.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });

  it('leaves one row when two members ask each other at the same instant', async () => {
    const [a, b] = [await member(), await member()];

    const replies = await Promise.all([ask(a, b), ask(b, a)]);

    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409]);
    expect(await rowsBetween(a, b)).toHaveLength(1);
  });
});

describe('POST /connection/status/', () => {
  it('lets the recipient accept once', async () => {
    const [me, other] = [await member(), await member()];
    const id = await requested(other, me);

    const accepted = await answer(me, id, 'Accept');
    const again = await answer(me, id, 'Accept');

    expect(accepted).toEqual({ status: 200, body: { status: 'Accepted' } });
    expect(again.status).toBe(409);
    const [row] = await db().select().from(connections).where(eq(connections.id, id));
    expect(row?.status).toBe('CONFIRMED');
  });

  it('refuses an answer from the requester and hides the request from strangers', async () => {
    const [me, other, stranger] = [await member(), await member(), await member()];
    const id = await requested(me, other);

    const byRequester = await answer(me, id, 'Accept');
    const byStranger = await answer(stranger, id, 'Accept');

    expect(byRequester.status).toBe(403);
    expect(byStranger.status).toBe(404);
  });

  it('deletes the row on a rejection', async () => {
    const [me, other] = [await member(), await member()];
    const id = await requested(other, me);

    const rejected = await answer(me, id, 'Reject');

    expect(rejected).toEqual({ status: 200, body: { status: 'Rejected' } });
    expect(await db().select().from(connections).where(eq(connections.id, id))).toEqual([]);
    expect((await ask(other, me)).status).toBe(201);
  });

  it('lets one of two concurrent accepts win', async () => {
    const [me, other] = [await member(), await member()];
    const id = await requested(other, me);

    const replies = await Promise.all([answer(me, id, 'Accept'), answer(me, id, 'Accept')]);

    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
  });

  it('answers 404 for an unknown id and 400 for an unknown answer', async () => {
    const [me, other] = [await member(), await member()];
    const id = await requested(other, me);

    const unknown = await answer(me, 2_000_000_000, 'Accept');
    const wrong = await answer(me, id, 'Maybe');

    expect(unknown.status).toBe(404);
    expect(wrong.status).toBe(400);
  });
});

describe('connection lists', () => {
  it('shows confirmed connections either way, incoming and outgoing requests, and the count', async () => {
    const [me, a, b, c, d] = [
      await member(),
      await member(),
      await member(),
      await member(),
      await member(),
    ];
    const mineToA = await connected(me, a);
    const bToMe = await connected(b, me);
    const cToMe = await requested(c, me);
    const meToD = await requested(me, d);

    const list = await me.get('/connection/');
    const pending = await me.get('/connection/pending');
    const sent = await me.get('/connection/requests/');
    const count = await me.get('/connection/count');

    expect(list.status).toBe(200);
    expect(list.body.map((item: { id: number }) => item.id)).toEqual([mineToA, bToMe]);
    expect(list.body[0]).toEqual({
      id: mineToA,
      connection: {
        first_name: 'N/A',
        last_name: 'N/A',
        middle_name: 'N/A',
        profile_photo: expect.stringMatching(/^http:\/\/.+\.png$/),
        qualification: '',
        status: 'CONFIRMED',
        user_id: a.id,
      },
    });
    expect(list.body[1].connection.user_id).toBe(b.id);
    expect(pending.body).toMatchObject({ count: 1, pending_requests: [{ id: cToMe }] });
    expect(pending.body.pending_requests[0].connection).toMatchObject({
      status: 'PENDING',
      user_id: c.id,
    });
    expect(sent.body).toMatchObject({ count: 1, connection_requests: [{ id: meToD }] });
    expect(sent.body.connection_requests[0].connection.user_id).toBe(d.id);
    expect(count).toEqual({ status: 200, body: { connections_count: 2 } });
  });

  it('answers 401 without a token', async () => {
    const reply = await call(server, 'GET', '/connection/count/');

    expect(reply.status).toBe(401);
  });
});

describe('DELETE /connection/', () => {
  it('removes a connection from either side, and not someone else’s', async () => {
    const [me, other, stranger] = [await member(), await member(), await member()];
    const id = await connected(me, other);

    const byStranger = await call(
      server,
      'DELETE',
      `/connection/?connection_id=${id}`,
      undefined,
      stranger.access,
    );
    const byRecipient = await call(
      server,
      'DELETE',
      `/connection?connection_id=${id}`,
      undefined,
      other.access,
    );
    const again = await call(
      server,
      'DELETE',
      `/connection/?connection_id=${id}`,
      undefined,
      me.access,
    );

    expect(byStranger.status).toBe(404);
    expect(byRecipient).toEqual({ status: 204, body: null });
    expect(again.status).toBe(404);
    expect((await me.get('/connection/count/')).body.connections_count).toBe(0);
  });
});

describe('GET /connection/recommendation/', () => {
  async function living(location: string): Promise<Member> {
    const someone = await member();
    expect((await someone.put('/user/profile-update/', { location })).status).toBe(200);
    return someone;
  }

  it('recommends members of my location, case aside, but not those I am linked with', async () => {
    const town = `Town ${Date.now()}`;
    const me = await living(town);
    const [a, b, c, d] = [
      await living(town.toUpperCase()),
      await living(town),
      await living(town),
      await living('Elsewhere'),
    ];
    await requested(b, me);
    for (const fan of [c, d]) {
      const follow = { user_following: a.id };
      expect((await call(server, 'POST', '/follow/', follow, fan.access)).status).toBe(201);
    }

    const reply = await me.get('/connection/recommendation/?criteria=location');

    expect(reply.status).toBe(200);
    const ids = reply.body.results.map((item: { id: number }) => item.id);
    expect(ids).toEqual([a.id, c.id]);
    expect(reply.body.results.map((item: { followers: number }) => item.followers)).toEqual([2, 0]);
    expect(ids).not.toContain(d.id);
    expect(reply.body).toMatchObject({ count: 2, next: null, previous: null });
    expect(reply.body.last_page).toMatch(
      /\/connection\/recommendation\/\?criteria=location&page=1$/,
    );
    expect(Object.keys(reply.body.results[0])).toEqual([
      'id',
      'name',
      'qualification',
      'profile_photo',
      'followers',
    ]);
  });

  it('matches no one by an empty location, though others have none either', async () => {
    const me = await member();
    await member();

    const reply = await me.get('/connection/recommendation/?criteria=location');

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ count: 0, results: [] });
  });

  it('recommends members of my industry, 5 a page', async () => {
    const me = await member();
    await call(server, 'PATCH', '/user/profile-update/', { industry: 'agriculture' }, me.access);
    const others: Member[] = [];
    for (let i = 0; i < 6; i++) {
      const someone = await member();
      await call(
        server,
        'PATCH',
        '/user/profile-update/',
        { industry: 'agriculture' },
        someone.access,
      );
      others.push(someone);
    }

    const first = await me.get('/connection/recommendation?criteria=industry');
    const second = await me.get('/connection/recommendation/?criteria=industry&page=2');
    const past = await me.get('/connection/recommendation/?criteria=industry&page=3');

    expect(first.body.count).toBe(6);
    expect(first.body.results).toHaveLength(5);
    expect(first.body.next).toMatch(/page=2/);
    expect(second.body.results.map((item: { id: number }) => item.id)).toEqual([others[5]!.id]);
    expect(past.status).toBe(404);
  });

  it('reads a page in one statement whatever its size', async () => {
    const town = `Village ${Date.now()}`;
    const me = await living(town);
    await Promise.all(Array.from({ length: 3 }, () => living(town)));
    const { caller, statements } = await countingCaller(server, me.access);

    const page = await caller.network.connection.recommend({ criteria: 'location', page_size: 50 });

    expect(page.count).toBe(3);
    // Members who never gave a name are shown as one "N/A", not two.
    expect(page.results.map((item) => item.name)).toEqual(['N/A', 'N/A', 'N/A']);
    expect(statements).toHaveLength(1);
  });

  it('refuses a missing or unknown criteria', async () => {
    const me = await member();

    const missing = await me.get('/connection/recommendation/');
    const unknown = await me.get('/connection/recommendation/?criteria=age');

    expect(missing.status).toBe(400);
    expect(unknown.status).toBe(400);
  });
});
