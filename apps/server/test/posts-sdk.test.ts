import type { ActivityEvent } from '@career-nexus/api';
import { follows, postLikes, postSaves, users } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signUp } from './fixtures/members.ts';
import { refusal } from './fixtures/refusals.ts';
import { sdkTestServer } from './fixtures/sdk.ts';

const sdk = sdkTestServer();
const db = () => sdk.server.services.db;

/** A member's signed-in SDK client: a learner of "others" or a technology mentor. */
async function member(as: 'learner' | 'mentor') {
  const signedUp = await signUp(sdk.server, as);
  const client = sdk.connect({ token: signedUp.access, refreshToken: signedUp.refresh });
  return { id: signedUp.id, posts: client.posts };
}

describe('posts through the SDK', () => {
  it('publishes a post and tells the dashboards', async () => {
    const me = await member('mentor');
    const stop = new AbortController();
    const events: ActivityEvent[] = [];
    const listening = (async () => {
      for await (const event of sdk.server.services.events.subscribe('activity', stop.signal)) {
        events.push(event);
        if (event.type === 'post.created' && event.user_id === me.id) return;
      }
    })();

    const created = await me.posts.create.mutate({ body: 'Through the SDK' });
    await listening;
    stop.abort();

    expect(created).toMatchObject({ body: 'Through the SDK', article: 'N/A', pic1: 'N/A' });
    expect(events.at(-1)).toMatchObject({
      type: 'post.created',
      user_id: me.id,
      subject: { type: 'post', id: created.post_id },
    });
  });

  it('refuses a blank body with validation_failed naming the field', async () => {
    const me = await member('learner');

    const refused = await refusal(me.posts.create.mutate({ body: '' }));

    expect(refused).toEqual({ code: 'validation_failed', fields: ['body'] });
  });

  it("shows a learner of another industry the mentors' posts but not other learners' posts", async () => {
    const teacher = await member('mentor');
    const reader = await member('learner');
    const outsider = await member('learner');
    await db().update(users).set({ industry: 'health' }).where(eq(users.id, outsider.id));
    const byMentor = await teacher.posts.create.mutate({ body: 'Mentor post' });
    const byOutsider = await outsider.posts.create.mutate({ body: 'Health post' });

    const feed = await reader.posts.feed.query({ page: 1, page_size: 50 });

    const ids = 'results' in feed ? feed.results.map((item) => item.post_id) : [];
    expect(ids).toContain(byMentor.post_id);
    expect(ids).not.toContain(byOutsider.post_id);
  });

  it("reads one post by post_id with the reader's own flags, and NOT_FOUND for an unknown one", async () => {
    const author = await member('mentor');
    const reader = await member('learner');
    const { post_id } = await author.posts.create.mutate({ body: 'Read me' });
    await db().insert(postLikes).values({ postId: post_id, userId: reader.id });

    const asReader = await reader.posts.feed.query({ post_id, page: 1 });
    const asAuthor = await author.posts.feed.query({ post_id, page: 1 });
    const unknown = await refusal(reader.posts.feed.query({ post_id: 999_999, page: 1 }));

    expect(asReader).toMatchObject({ post_id, like_count: 1, can_like: false, is_self: false });
    expect(asAuthor).toMatchObject({ post_id, like_count: 1, can_like: true, is_self: true });
    expect(unknown.code).toBe('not_found');
  });

  it('lists my posts, the posts of those I follow and the posts I saved', async () => {
    const me = await member('learner');
    const followed = await member('mentor');
    const mine = await me.posts.create.mutate({ body: 'Mine' });
    const theirs = await followed.posts.create.mutate({ body: 'Theirs' });
    await db().insert(follows).values({ followerId: me.id, followingId: followed.id });
    await db().insert(postSaves).values({ postId: theirs.post_id, userId: me.id });

    const own = await me.posts.mine.query();
    const following = await me.posts.following.query({ page: 1 });
    const saved = await me.posts.saved.query();

    expect(own.results.map((item) => item.post_id)).toEqual([mine.post_id]);
    expect(following.results).toEqual([
      expect.objectContaining({ post_id: theirs.post_id, can_follow: false, is_saved: true }),
    ]);
    expect(saved.map((item) => item.post.post_id)).toEqual([theirs.post_id]);
  });
});
