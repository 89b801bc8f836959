import type { ActivityEvent } from '@career-nexus/api';
import { profiles, users, type Industry } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signUp } from './fixtures/members.ts';
import { refusalCode as refusal } from './fixtures/refusals.ts';
import { sdkTestServer } from './fixtures/sdk.ts';

const sdk = sdkTestServer();
const db = () => sdk.server.services.db;

/** A signed-in SDK client of a learner, moved to `industry` and `location` when given. */
async function member(industry?: Industry, location?: string) {
  const signedUp = await signUp(sdk.server, 'learner');
  if (industry) await db().update(users).set({ industry }).where(eq(users.id, signedUp.id));
  if (location) {
    await db().update(profiles).set({ location }).where(eq(profiles.userId, signedUp.id));
  }
  const client = sdk.connect({ token: signedUp.access });
  return { id: signedUp.id, network: client.network };
}

describe('follows through the SDK', () => {
  it('follows a member and tells the dashboards', async () => {
    const me = await member();
    const other = await member();
    const stop = new AbortController();
    const events: ActivityEvent[] = [];
    const listening = (async () => {
      for await (const event of sdk.server.services.events.subscribe('activity', stop.signal)) {
        events.push(event);
        if (event.type === 'user.followed' && event.user_id === me.id) return;
      }
    })();

    const made = await me.network.follow.mutate({ user_following: other.id });
    await listening;
    stop.abort();

    expect(made).toEqual({ follower: me.id, following: other.id });
    expect(events.at(-1)).toMatchObject({
      type: 'user.followed',
      user_id: me.id,
      subject: { type: 'user', id: other.id },
    });
  });

  it('refuses self, a second follow, an unknown member and an unfollow of no follow', async () => {
    const me = await member();
    const other = await member();
    await me.network.follow.mutate({ user_following: other.id });

    const self = await refusal(me.network.follow.mutate({ user_following: me.id }));
    const again = await refusal(me.network.follow.mutate({ user_following: other.id }));
    const unknown = await refusal(me.network.follow.mutate({ user_following: 2_000_000_000 }));
    const notFollowing = await refusal(other.network.unfollow.mutate({ user_following: me.id }));

    expect([self, again, unknown, notFollowing]).toEqual([
      'bad_request',
      'conflict',
      'not_found',
      'conflict',
    ]);
  });

  it('lists and counts followings and followers, and forgets an unfollowed member', async () => {
    const me = await member();
    const kept = await member();
    const dropped = await member();
    await me.network.follow.mutate({ user_following: kept.id });
    await me.network.follow.mutate({ user_following: dropped.id });
    await kept.network.follow.mutate({ user_following: me.id });

    const unfollowed = await me.network.unfollow.mutate({ user_following: dropped.id });
    const followings = await me.network.followings.query();
    const followers = await me.network.followers.query();
    const followingCount = await me.network.followingCount.query();
    const followerCount = await me.network.followerCount.query();

    expect(unfollowed).toEqual({ status: 'Unfollowed user' });
    expect(followings.map((item) => item.id)).toEqual([kept.id]);
    expect(followers.map((item) => item.id)).toEqual([kept.id]);
    expect(followingCount).toEqual({ following_count: 1 });
    expect(followerCount).toEqual({ 'followers count': 1 });
  });

  it('recommends by industry or location, most followed first, without anyone I follow', async () => {
    const place = `Enugu-${Date.now()}`;
    const me = await member('banking', place);
    const colleague = await member('banking');
    const neighbour = await member('health', place.toLowerCase());
    const followedByMe = await member('banking');
    const fan = await member();
    await fan.network.follow.mutate({ user_following: neighbour.id });
    await me.network.follow.mutate({ user_following: followedByMe.id });

    const page = await me.network.followRecommendations.query({ page: 1 });

    expect(page.count).toBe(2);
    expect(page.results.map((item) => [item.id, item.followers])).toEqual([
      [neighbour.id, 1],
      [colleague.id, 0],
    ]);
  });

  it('refuses a page past the end with not_found', async () => {
    const me = await member('education');

    const past = await refusal(me.network.followRecommendations.query({ page: 2 }));

    expect(past).toBe('not_found');
  });
});
