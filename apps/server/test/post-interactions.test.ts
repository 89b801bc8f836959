import {
  commentLikes,
  postLikes,
  posts,
  postSaves,
  postShares,
  type Industry,
} from '@career-nexus/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngImage } from './fixtures/files.ts';
import { call, formOf, signUp, type Member, type Reply } from './fixtures/members.ts';
import { countingCaller as countingCallerOf } from './fixtures/counting.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const learner = () => signUp(server, 'learner');
const mentor = () => signUp(server, 'mentor');

const post = (member: Member, path: string, body: unknown): Promise<Reply> =>
  call(server, 'POST', path, body, member.access);
const remove = (member: Member, path: string): Promise<Reply> =>
  call(server, 'DELETE', path, undefined, member.access);

/** A post written straight into the database: every test owns its posts. */
async function postBy(
  author: Member,
  fields: { body?: string; parentId?: number; industries?: Industry[] } = {},
) {
  const [row] = await server.services.db
    .insert(posts)
    .values({
      authorId: author.id,
      body: fields.body ?? `A post by ${author.email}`,
      parentId: fields.parentId,
      industries: fields.industries ?? ['others'],
    })
    .returning();
  return row!;
}

async function comment(member: Member, postId: number, body: string): Promise<number> {
  const reply = await post(member, '/post/comment/', { post: postId, body });
  expect(reply.status).toBe(201);
  return reply.body.comment_id as number;
}

async function reply(member: Member, parent: number, body: string): Promise<number> {
  const answer = await post(member, '/post/reply/', { parent, body });
  expect(answer.status).toBe(201);
  return answer.body.comment_id as number;
}

/** A caller acting as `member` that records its SQL statements. */
async function countingCaller(member: Member) {
  const { caller, statements } = await countingCallerOf(server, member.access);
  return { posts: caller.posts, statements };
}

const UNKNOWN = 2_000_000_000;

describe('POST /post/comment/', () => {
  it('answers 201 with the commenter, the body, "N/A" media and a UTC time stamp', async () => {
    const author = await learner();
    const me = await learner();
    const { id } = await postBy(author);

    const answer = await post(me, '/post/comment', { post: id, body: 'Well said.' });

    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body).slice(0, 4)).toEqual(['user', 'body', 'media', 'time_stamp']);
    expect(answer.body).toMatchObject({ body: 'Well said.', media: 'N/A', post: id });
    expect(answer.body.user).toMatchObject({ id: me.id, first_name: 'N/A', qualification: '' });
    expect(answer.body.user.profile_photo).toMatch(/\/assets\/default-profile-photo\.png$/);
    expect(answer.body.time_stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('stores an image sent as a multipart media part and serves it at the answered URL', async () => {
    const author = await learner();
    const me = await learner();
    const { id } = await postBy(author);
    const image = pngImage(42);
    const form = formOf(
      { post: String(id), body: 'See this.' },
      { media: { bytes: image, name: 'a.png' } },
    );

    const answer = await me.send('POST', '/post/comment/', form);

    expect(answer.status).toBe(201);
    const served = await fetch(answer.body.media as string);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(image);
  });

  it('refuses a blank body or a missing post with 400 and an unknown post with 404', async () => {
    const author = await learner();
    const me = await learner();
    const { id } = await postBy(author);

    const blank = await post(me, '/post/comment/', { post: id, body: '   ' });
    const noPost = await post(me, '/post/comment/', { body: 'Hello' });
    const unknown = await post(me, '/post/comment/', { post: UNKNOWN, body: 'Hello' });

    expect(blank.status).toBe(400);
    expect(blank.body.fields).toHaveProperty('body');
    expect(noPost.status).toBe(400);
    expect(noPost.body.fields).toHaveProperty('post');
    expect(unknown.status).toBe(404);
  });

  it('refuses a signed-out caller with 401', async () => {
    const author = await learner();
    const { id } = await postBy(author);

    const answer = await call(server, 'POST', '/post/comment/', { post: id, body: 'Hi' });

    expect(answer.status).toBe(401);
  });
});

describe('GET /post/comment/ and POST /post/reply/', () => {
  it('lists top-level comments oldest first, each with its replies oldest first', async () => {
    const author = await learner();
    const other = await mentor();
    const { id } = await postBy(author);
    const first = await comment(author, id, 'First');
    const second = await comment(other, id, 'Second');
    const replyA = await reply(other, first, 'Reply A');
    const replyB = await reply(author, first, 'Reply B');

    const answer = await author.get(`/post/comment/?post_id=${id}`);

    expect(answer.status).toBe(200);
    expect(answer.body.map((item: { comment_id: number }) => item.comment_id)).toEqual([
      first,
      second,
    ]);
    expect(answer.body[0].replies.map((item: { comment_id: number }) => item.comment_id)).toEqual([
      replyA,
      replyB,
    ]);
    expect(answer.body[0].replies[0]).toMatchObject({
      post: id,
      body: 'Reply A',
      parent: first,
      replies: [],
      likes: 0,
      can_like: true,
    });
    expect(answer.body[1].replies).toEqual([]);
  });

  it('answers the documented keys in order, with the commenter photo as profile_picture', async () => {
    const author = await learner();
    const { id } = await postBy(author);
    await comment(author, id, 'Mine');

    const answer = await author.get(`/post/comment?post_id=${id}`);

    expect(Object.keys(answer.body[0])).toEqual([
      'post',
      'commenter',
      'body',
      'media',
      'parent',
      'replies',
      'likes',
      'time_stamp',
      'can_like',
      'comment_id',
    ]);
    expect(Object.keys(answer.body[0].commenter)).toEqual([
      'first_name',
      'last_name',
      'middle_name',
      'profile_picture',
    ]);
    expect(answer.body[0].parent).toBeNull();
  });

  it('attaches a reply to a reply to the same thread, after the reply it answers', async () => {
    const author = await learner();
    const other = await learner();
    const { id } = await postBy(author);
    const top = await comment(author, id, 'Top');
    const firstReply = await reply(other, top, 'First reply');

    const answer = await post(author, '/post/reply', { parent: firstReply, body: 'Answer' });

    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body).slice(0, 2)).toEqual(['user', 'body']);
    expect(answer.body).toMatchObject({ body: 'Answer', parent: top, post: id });
    const list = await author.get(`/post/comment/?post_id=${id}`);
    expect(list.body).toHaveLength(1);
    expect(list.body[0].replies.map((item: { body: string }) => item.body)).toEqual([
      'First reply',
      'Answer',
    ]);
  });

  it("shows like counts to everyone and can_like false only to a comment's likers", async () => {
    const author = await learner();
    const liker = await mentor();
    const { id } = await postBy(author);
    const top = await comment(author, id, 'Top');
    const sub = await reply(author, top, 'Sub');
    await post(liker, '/post/like/comment/', { comment: top });
    await post(liker, '/post/like/comment/', { comment: sub });

    const asLiker = await liker.get(`/post/comment/?post_id=${id}`);
    const asAuthor = await author.get(`/post/comment/?post_id=${id}`);

    expect(asLiker.body[0]).toMatchObject({ likes: 1, can_like: false });
    expect(asLiker.body[0].replies[0]).toMatchObject({ likes: 1, can_like: false });
    expect(asAuthor.body[0]).toMatchObject({ likes: 1, can_like: true });
    expect(asAuthor.body[0].replies[0]).toMatchObject({ likes: 1, can_like: true });
  });

  it('reads the comment tree in one SQL statement whatever the number of comments', async () => {
    const author = await learner();
    const other = await learner();
    const { id } = await postBy(author);
    for (let i = 0; i < 5; i++) {
      const top = await comment(author, id, `Top ${i}`);
      await reply(other, top, `Reply ${i}`);
      await post(other, '/post/like/comment/', { comment: top });
    }
    const counting = await countingCaller(other);

    const tree = await counting.posts.comments({ post_id: id });

    expect(tree).toHaveLength(5);
    expect(counting.statements).toHaveLength(1);
  });

  it('answers 400 without post_id, 404 for an unknown post or parent, 400 for a blank reply', async () => {
    const me = await learner();
    const { id } = await postBy(me);
    const top = await comment(me, id, 'Top');

    const noId = await me.get('/post/comment/');
    const badId = await me.get('/post/comment/?post_id=abc');
    const unknownPost = await me.get(`/post/comment/?post_id=${UNKNOWN}`);
    const unknownParent = await post(me, '/post/reply/', { parent: UNKNOWN, body: 'Hi' });
    const blank = await post(me, '/post/reply/', { parent: top, body: '' });

    expect(noId.status).toBe(400);
    expect(badId.status).toBe(400);
    expect(unknownPost.status).toBe(404);
    expect(unknownParent.status).toBe(404);
    expect(blank.status).toBe(400);
  });
});

describe('POST /post/like/ and /post/unlike/', () => {
  it('likes a post with 201 {post} and refuses a second like with 409', async () => {
    const author = await learner();
    const me = await learner();
    const { id } = await postBy(author);

    const first = await post(me, '/post/like/', { post: id });
    const second = await post(me, '/post/like', { post: id });

    expect(first).toEqual({ status: 201, body: { post: id } });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('conflict');
  });

  it('leaves exactly one like after 100 concurrent likes of one post by one member', async () => {
    const author = await learner();
    const me = await learner();
    const { id } = await postBy(author);

    const answers = await Promise.all(
      Array.from({ length: 100 }, () => post(me, '/post/like/', { post: id })),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(99);
    const likes = await server.services.db.$count(
      postLikes,
      and(eq(postLikes.postId, id), eq(postLikes.userId, me.id)),
    );
    expect(likes).toBe(1);
  });

  it('unlikes a liked post with 200, and answers 409 when it is not liked', async () => {
    const author = await learner();
    const me = await learner();
    const { id } = await postBy(author);
    await post(me, '/post/like/', { post: id });

    const unliked = await post(me, '/post/unlike/', { post: id });
    const again = await post(me, '/post/unlike', { post: id });

    expect(unliked).toEqual({ status: 200, body: { status: 'Unliked post' } });
    expect(again.status).toBe(409);
    expect(await server.services.db.$count(postLikes, eq(postLikes.postId, id))).toBe(0);
  });

  it('answers 404 for an unknown post and 400 for a missing or malformed one', async () => {
    const me = await learner();

    const like = await post(me, '/post/like/', { post: UNKNOWN });
    const unlike = await post(me, '/post/unlike/', { post: UNKNOWN });
    const missing = await post(me, '/post/like/', {});
    const malformed = await post(me, '/post/like/', { post: 'seven' });

    expect(like.status).toBe(404);
    expect(unlike.status).toBe(404);
    expect(missing.status).toBe(400);
    expect(malformed.status).toBe(400);
  });

  it('tells live dashboards that a post was liked, commented and reposted, and a comment liked', async () => {
    const author = await learner();
    const me = await learner();
    const { id } = await postBy(author);
    const seen: { type: string; user_id: number; subject?: unknown }[] = [];
    const stop = new AbortController();
    const listening = (async () => {
      for await (const event of server.services.events.subscribe('activity', stop.signal)) {
        if (event.user_id === me.id) seen.push(event);
      }
    })();

    await post(me, '/post/like/', { post: id });
    const commentId = await comment(me, id, 'Nice');
    await post(me, '/post/repost/', { parent: id });
    await post(me, '/post/like/comment/', { comment: commentId });

    await expect
      .poll(() => seen.map((event) => event.type))
      .toEqual(['post.liked', 'post.commented', 'post.reposted', 'comment.liked']);
    expect(seen[0]!.subject).toEqual({ type: 'post', id });
    expect(seen[3]!.subject).toEqual({ type: 'comment', id: commentId });
    stop.abort();
    await listening;
  });
});

describe('POST /post/like/comment/ and /post/unlike/comment/', () => {
  it('likes a comment with 200, refuses a second like with 409, and unlikes it with 200', async () => {
    const author = await learner();
    const me = await learner();
    const { id } = await postBy(author);
    const top = await comment(author, id, 'Top');

    const liked = await post(me, '/post/like/comment/', { comment: top });
    const again = await post(me, '/post/like/comment', { comment: top });
    const unliked = await post(me, '/post/unlike/comment/', { comment: top });
    const notLiked = await post(me, '/post/unlike/comment', { comment: top });

    expect(liked).toEqual({
      status: 200,
      body: { comment_id: top, user_id: me.id, status: 'Liked Comment' },
    });
    expect(again.status).toBe(409);
    expect(unliked).toEqual({ status: 200, body: { status: 'Unliked Comment' } });
    expect(notLiked.status).toBe(409);
    expect(await server.services.db.$count(commentLikes, eq(commentLikes.commentId, top))).toBe(0);
  });

  it('answers 404 for an unknown comment and 400 without one', async () => {
    const me = await learner();

    const like = await post(me, '/post/like/comment/', { comment: UNKNOWN });
    const unlike = await post(me, '/post/unlike/comment/', { comment: UNKNOWN });
    const missing = await post(me, '/post/like/comment/', { post: 1 });

    expect(like.status).toBe(404);
    expect(unlike.status).toBe(404);
    expect(missing.status).toBe(400);
  });
});

describe('POST /post/repost/', () => {
  it('answers 201 in the documented shape, tagged with my industry and the parent tags', async () => {
    const author = await learner();
    const me = await mentor();
    const original = await postBy(author, { industries: ['health'] });

    const answer = await post(me, '/post/repost/', { parent: original.id, body: 'Great content' });

    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body).slice(0, 5)).toEqual([
      'profile',
      'body',
      'media',
      'article',
      'time_stamp',
    ]);
    expect(answer.body).toMatchObject({
      profile: { id: me.id },
      body: 'Great content',
      media: 'N/A',
      article: 'N/A',
      parent: original.id,
    });
    const [stored] = await server.services.db
      .select()
      .from(posts)
      .where(eq(posts.id, answer.body.post_id as number));
    expect([...stored!.industries].sort()).toEqual(['health', 'technology']);
  });

  it('points a repost of a repost at the original post', async () => {
    const author = await learner();
    const first = await learner();
    const second = await learner();
    const original = await postBy(author);
    const repost = await post(first, '/post/repost/', { parent: original.id });

    const answer = await post(second, '/post/repost', { parent: repost.body.post_id });

    expect(answer.status).toBe(201);
    expect(answer.body.parent).toBe(original.id);
    expect(answer.body.body).toBe('');
  });

  it('answers 404 for an unknown parent and 400 without one', async () => {
    const me = await learner();

    const unknown = await post(me, '/post/repost/', { parent: UNKNOWN });
    const missing = await post(me, '/post/repost/', { body: 'Hi' });

    expect(unknown.status).toBe(404);
    expect(missing.status).toBe(400);
  });
});

describe('POST and DELETE /post/save/', () => {
  it('saves with 201 {post_id}, again with 201, keeping one save', async () => {
    const author = await learner();
    const me = await learner();
    const { id } = await postBy(author);

    const first = await post(me, '/post/save/', { post: id });
    const second = await post(me, '/post/save', { post_id: id });

    expect(first).toEqual({ status: 201, body: { post_id: id } });
    expect(second).toEqual({ status: 201, body: { post_id: id } });
    expect(
      await server.services.db.$count(
        postSaves,
        and(eq(postSaves.postId, id), eq(postSaves.userId, me.id)),
      ),
    ).toBe(1);
  });

  it('forgets a saved post with 204 and no body', async () => {
    const author = await learner();
    const me = await learner();
    const { id } = await postBy(author);
    await post(me, '/post/save/', { post: id });

    const answer = await remove(me, `/post/save/?post_id=${id}`);

    expect(answer).toEqual({ status: 204, body: null });
    expect(await server.services.db.$count(postSaves, eq(postSaves.userId, me.id))).toBe(0);
  });

  it('answers 404 for an unknown post and 400 without one', async () => {
    const me = await learner();

    const save = await post(me, '/post/save/', { post: UNKNOWN });
    const unsave = await remove(me, `/post/save/?post_id=${UNKNOWN}`);
    const missing = await post(me, '/post/save/', {});
    const missingUnsave = await remove(me, '/post/save/');

    expect(save.status).toBe(404);
    expect(unsave.status).toBe(404);
    expect(missing.status).toBe(400);
    expect(missingUnsave.status).toBe(400);
  });
});

describe('POST /post/share/ and the shared link', () => {
  it('counts each share and answers a link that opens the post without signing in', async () => {
    const author = await learner();
    const me = await learner();
    const { id } = await postBy(author, { body: 'Worth sharing' });
    await post(me, '/post/like/', { post: id });

    const first = await post(me, '/post/share/', { post: id });
    await post(author, '/post/share', { post_id: id });
    const opened = await fetch(first.body.link as string);

    expect(first.status).toBe(201);
    expect(first.body.post_id).toBe(id);
    expect(await server.services.db.$count(postShares, eq(postShares.postId, id))).toBe(2);
    expect(opened.status).toBe(200);
    const shown = (await opened.json()) as Record<string, unknown>;
    expect(shown).toMatchObject({
      body: 'Worth sharing',
      like_count: 1,
      share_count: 2,
      parent: null,
      post_id: id,
    });
    expect(shown).not.toHaveProperty('can_like');
    expect(shown).not.toHaveProperty('is_saved');
  });

  it('answers 404 for an unknown post, shared or opened, and 400 without one', async () => {
    const me = await learner();

    const share = await post(me, '/post/share/', { post: UNKNOWN });
    const open = await call(server, 'GET', `/post/shared/?post_id=${UNKNOWN}`);
    const missing = await call(server, 'GET', '/post/shared/');

    expect(share.status).toBe(404);
    expect(open.status).toBe(404);
    expect(missing.status).toBe(400);
  });
});
