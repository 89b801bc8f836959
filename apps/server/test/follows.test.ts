import { follows } from '@career-nexus/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingCaller } from './fixtures/counting.ts';
import { call, signUp, type Member, type Reply } from './fixtures/members.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** An id no member has. */
const UNKNOWN = 2_000_000_000;

/**
 * A learner of `industry` with the given profile fields. Recommendation
 * tests each pick an industry and a location no other test uses, so each
 * owns every member it can be recommended.
 */
async function member(industry = 'others', profile: Record<string, string> = {}) {
  const signedUp = await signUp(server, 'learner');
  if (industry !== 'others') {
    await call(server, 'PATCH', '/user/profile-update/', { industry }, signedUp.access);
  }
  if (Object.keys(profile).length > 0) {
    expect((await signedUp.put('/user/profile-update/', profile)).status).toBe(200);
  }
  return signedUp;
}

function followOf(follower: Member, following: number): Promise<Reply> {
  return call(server, 'POST', '/follow/', { user_following: following }, follower.access);
}

function unfollowOf(follower: Member, following: number): Promise<Reply> {
  return call(server, 'POST', '/unfollow/', { user_following: following }, follower.access);
}

async function followed(follower: Member, following: Member) {
  expect((await followOf(follower, following.id)).status).toBe(201);
}

async function recommendedIds(viewer: Member, query = ''): Promise<number[]> {
  const reply = await viewer.get(`/follow/recommendation/${query}`);
  expect(reply.status).toBe(200);
  return (reply.body.results as { id: number }[]).map((item) => item.id);
}

describe('POST /follow/', () => {
  it('follows a member and answers 201 with the documented shape', async () => {
    const me = await member();
    const other = await member();

    const reply = await followOf(me, other.id);

    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ follower: me.id, following: other.id });
  });

  it('refuses to follow yourself with 400', async () => {
    const me = await member();

    const reply = await followOf(me, me.id);

    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('bad_request');
  });

  it('refuses a second follow of the same member with 409', async () => {
    const me = await member();
    const other = await member();
    await followed(me, other);

    const reply = await followOf(me, other.id);

    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('conflict');
  });

  it('leaves one follow when twenty arrive at once, answering the others 409', async () => {
    const me = await member();
    const other = await member();

    const replies = await Promise.all(Array.from({ length: 20 }, () => followOf(me, other.id)));

    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(19).fill(409)]);
    const rows = await server.services.db
      .select()
      .from(follows)
      .where(and(eq(follows.followerId, me.id), eq(follows.followingId, other.id)));
    expect(rows).toHaveLength(1);
  });

  it('answers 404 for an unknown member and 400 for a missing one', async () => {
    const me = await member();

    const unknown = await followOf(me, UNKNOWN);
    const missing = await call(server, 'POST', '/follow/', {}, me.access);

    expect(unknown.status).toBe(404);
    expect(missing.status).toBe(400);
  });

  it('answers 401 without a token, also without the trailing slash', async () => {
    const other = await member();

    const reply = await call(server, 'POST', '/follow', { user_following: other.id });

    expect(reply.status).toBe(401);
  });
});

describe('POST /unfollow/', () => {
  it('unfollows a followed member and answers 200 with the documented status', async () => {
    const me = await member();
    const other = await member();
    await followed(me, other);

    const reply = await unfollowOf(me, other.id);

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'Unfollowed user' });
    expect((await me.get('/followings/count/')).body).toEqual({ following_count: 0 });
  });

  it('answers 409 for a member not followed and 404 for an unknown one', async () => {
    const me = await member();
    const other = await member();

    const notFollowed = await unfollowOf(me, other.id);
    const unknown = await unfollowOf(me, UNKNOWN);

    expect(notFollowed.status).toBe(409);
    expect(unknown.status).toBe(404);
  });

  it('lets a member follow again after unfollowing', async () => {
    const me = await member();
    const other = await member();
    await followed(me, other);
    await unfollowOf(me, other.id);

    const reply = await followOf(me, other.id);

    expect(reply.status).toBe(201);
  });
});

describe('followers and followings', () => {
  it('lists the members I follow and who follow me as plain arrays in the documented shape', async () => {
    const me = await member('others', { first_name: 'Ada', qualification: 'BSc' });
    const first = await member();
    const second = await member();
    const fan = await member();
    await followed(me, first);
    await followed(me, second);
    await followed(fan, me);

    const followings = await me.get('/followings/');
    const followers = await me.get('/followers');
    const fanView = await fan.get('/followings/');

    expect(followings.status).toBe(200);
    expect(followings.body.map((item: { id: number }) => item.id)).toEqual([first.id, second.id]);
    expect(Object.keys(followings.body[0])).toEqual([
      'id',
      'first_name',
      'last_name',
      'middle_name',
      'profile_photo',
      'qualification',
    ]);
    expect(followers.body.map((item: { id: number }) => item.id)).toEqual([fan.id]);
    expect(fanView.body[0]).toMatchObject({
      id: me.id,
      first_name: 'Ada',
      last_name: 'N/A',
      qualification: 'BSc',
    });
    expect(fanView.body[0].profile_photo).toMatch(/^https?:\/\/.+\/assets\/.+/);
  });

  it('counts followings and followers under their documented keys, "followers count" included', async () => {
    const me = await member();
    const others = await Promise.all([member(), member(), member()]);
    for (const other of others) await followed(me, other);
    await followed(others[0]!, me);

    const followings = await me.get('/followings/count/');
    const followers = await me.get('/followers/count');

    expect(followings).toEqual({ status: 200, body: { following_count: 3 } });
    expect(followers).toEqual({ status: 200, body: { 'followers count': 1 } });
  });

  it('answers 401 without a token', async () => {
    const replies = await Promise.all(
      ['/followings/', '/followers/', '/followings/count/', '/followers/count/'].map((path) =>
        call(server, 'GET', path),
      ),
    );

    expect(replies.map((reply) => reply.status)).toEqual([401, 401, 401, 401]);
  });
});

describe('GET /follow/recommendation/', () => {
  it('recommends my industry and my location ignoring case, most followed first, ties by id', async () => {
    const place = `Ibadan-${Date.now()}`;
    const me = await member('agriculture', { location: place });
    const quiet = await member('agriculture');
    const popular = await member('agriculture', { first_name: 'Ade', last_name: 'Bello' });
    const neighbour = await member('construction', { location: place.toUpperCase() });
    const quieter = await member('agriculture');
    const fans = await Promise.all([member(), member()]);
    await followed(fans[0]!, popular);
    await followed(fans[1]!, popular);
    await followed(fans[0]!, neighbour);

    const reply = await me.get('/follow/recommendation/');

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ count: 4, next: null, previous: null });
    expect(reply.body.results.map((item: { id: number }) => item.id)).toEqual([
      popular.id,
      neighbour.id,
      quiet.id,
      quieter.id,
    ]);
    expect(reply.body.results[0]).toEqual({
      id: popular.id,
      name: 'Ade Bello',
      qualification: '',
      profile_photo: expect.stringMatching(/^https?:\/\//),
      followers: 2,
    });
  });

  it('shows the follower count as it stands after concurrent follows and unfollows', async () => {
    const me = await member('media');
    const popular = await member('media');
    const fans = await Promise.all(Array.from({ length: 12 }, () => member()));
    await Promise.all(fans.map((fan) => followed(fan, popular)));

    const leaving = await Promise.all(fans.slice(0, 5).map((fan) => unfollowOf(fan, popular.id)));
    const reply = await me.get('/follow/recommendation/');
    const counted = await popular.get('/followers/count/');

    expect(leaving.map((left) => left.status)).toEqual(Array<number>(5).fill(200));
    expect(reply.body.results).toEqual([expect.objectContaining({ id: popular.id, followers: 7 })]);
    expect(counted.body).toEqual({ 'followers count': 7 });
  });

  it('leaves out myself and anyone in a follow with me either way', async () => {
    const me = await member('construction', { location: `Kano-${Date.now()}` });
    const followedByMe = await member('construction');
    const followingMe = await member('construction');
    const stranger = await member('construction');
    await followed(me, followedByMe);
    await followed(followingMe, me);

    const ids = await recommendedIds(me);

    expect(ids).toContain(stranger.id);
    expect(ids).not.toContain(me.id);
    expect(ids).not.toContain(followedByMe.id);
    expect(ids).not.toContain(followingMe.id);
  });

  it('matches no one by an empty location, nor anyone of another industry elsewhere', async () => {
    const me = await member('sports');
    const elsewhere = await member('media');
    const sameSport = await member('sports', { location: 'Abuja' });

    const ids = await recommendedIds(me);

    expect(ids).toContain(sameSport.id);
    expect(ids).not.toContain(elsewhere.id);
  });

  it('pages 5 at a time with absolute links, and 404 past the end', async () => {
    const me = await member('transportation');
    const others = await Promise.all(Array.from({ length: 6 }, () => member('transportation')));
    const expected = others.map((other) => other.id).sort((a, b) => a - b);

    const first = await me.get('/follow/recommendation/');
    const second = await me.get('/follow/recommendation/?page=2');
    const past = await me.get('/follow/recommendation/?page=3');

    expect(first.body.count).toBe(6);
    expect(first.body.results).toHaveLength(5);
    expect(first.body.next).toMatch(/^https?:\/\/.+\/follow\/recommendation\/\?page=2$/);
    expect(second.body.results.map((item: { id: number }) => item.id)).toEqual(expected.slice(5));
    expect(second.body.previous).toMatch(/\/follow\/recommendation\/\?page=1$/);
    expect(past.status).toBe(404);
  });

  it('reads a page in one statement whatever its size', async () => {
    const me = await member('government');
    await Promise.all(Array.from({ length: 3 }, () => member('government')));
    const { caller, statements } = await countingCaller(server, me.access);

    const page = await caller.network.followRecommendations({ page: 1, page_size: 50 });

    expect(page.count).toBe(3);
    expect(statements).toHaveLength(1);
  });

  it('answers 401 without a token', async () => {
    const reply = await call(server, 'GET', '/follow/recommendation');

    expect(reply.status).toBe(401);
  });
});
