import { comments, follows, postLikes, posts, postSaves, postShares } from '@career-nexus/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mp4Video, pngImage } from './fixtures/files.ts';
import { call, formOf, signUp, type Member, type Reply } from './fixtures/members.ts';
import { countingCaller as countingCallerOf } from './fixtures/counting.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const db = () => server.services.db;

/** A mentor: signed up with an industry, technology. */
const mentor = () => signUp(server, 'mentor');

/** A learner of `industry` (a new learner's industry is "others"). */
async function learner(industry = 'others'): Promise<Member> {
  const member = await signUp(server, 'learner');
  if (industry !== 'others') {
    await call(server, 'PATCH', '/user/profile-update/', { industry }, member.access);
  }
  return member;
}

function post(member: Member, body: unknown): Promise<Reply> {
  return call(server, 'POST', '/post/', body, member.access);
}

/** A post by `member` through the REST door; its id. */
async function posted(member: Member, body = `Post by ${member.id} at ${Date.now()}`) {
  const reply = await post(member, { body });
  expect(reply.status).toBe(201);
  return reply.body.post_id as number;
}

/** Every post of the feed that `member` sees, as one large page. */
async function feedIds(member: Member): Promise<number[]> {
  const reply = await member.get('/post/?page_size=50');
  expect(reply.status).toBe(200);
  return (reply.body.results as { post_id: number }[]).map((item) => item.post_id);
}

const itemKeys = [
  'profile',
  'body',
  'pic1',
  'pic2',
  'pic3',
  'video',
  'article',
  'time_stamp',
  'comment_count',
  'like_count',
  'share_count',
  'parent',
  'can_like',
  'can_follow',
  'is_self',
  'is_saved',
  'post_id',
];

const profileKeys = [
  'id',
  'first_name',
  'last_name',
  'middle_name',
  'profile_photo',
  'qualification',
];

/** A caller acting as `member` that records its SQL statements. */
async function countingCaller(member: Member) {
  const { caller, statements } = await countingCallerOf(server, member.access);
  return { posts: caller.posts, statements };
}

describe('POST /post/', () => {
  it('publishes a post and answers 201 with the documented shape and its post_id', async () => {
    const me = await mentor();

    const reply = await post(me, { body: 'Hello, network.' });

    expect(reply.status).toBe(201);
    expect(Object.keys(reply.body)).toEqual([
      'body',
      'pic1',
      'pic2',
      'pic3',
      'video',
      'article',
      'time_stamp',
      'post_id',
    ]);
    expect(reply.body).toMatchObject({
      body: 'Hello, network.',
      pic1: 'N/A',
      video: 'N/A',
      article: 'N/A',
    });
    expect(reply.body.time_stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("tags the post with its author's industry at posting time", async () => {
    const me = await learner('health');

    const id = await posted(me);
    await call(server, 'PATCH', '/user/profile-update/', { industry: 'media' }, me.access);

    const [row] = await db().select().from(posts).where(eq(posts.id, id));
    expect(row!.industries).toEqual(['health']);
  });

  it('keeps an article when one is given, also without the trailing slash', async () => {
    const me = await learner();

    const reply = await call(
      server,
      'POST',
      '/post',
      { body: 'Read this.', article: '#Reading' },
      me.access,
    );

    expect(reply.status).toBe(201);
    expect(reply.body.article).toBe('#Reading');
  });

  it('refuses a post without a body with 400 naming the field', async () => {
    const me = await learner();

    const missing = await post(me, { article: 'No body' });
    const blank = await post(me, { body: '   ' });

    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.fields)).toEqual(['body']);
    expect(blank.status).toBe(400);
  });

  it('refuses a body over 5,000 characters with 400', async () => {
    const me = await learner();

    const reply = await post(me, { body: 'x'.repeat(5_001) });

    expect(reply.status).toBe(400);
    expect(Object.keys(reply.body.fields)).toEqual(['body']);
  });

  it('answers 401 without a token', async () => {
    const reply = await call(server, 'POST', '/post/', { body: 'Anonymous' });

    expect(reply.status).toBe(401);
  });

  it('takes a picture as a multipart part and serves its bytes at the URL it shows', async () => {
    const me = await mentor();
    const image = pngImage(42);
    const form = formOf({ body: 'With a picture' }, { pic1: { bytes: image, name: 'a.png' } });

    const reply = await me.send('POST', '/post/', form);
    const served = await fetch(reply.body.pic1 as string);

    expect(reply.status).toBe(201);
    expect(reply.body.pic2).toBe('N/A');
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(image);
  });

  it('takes a video as a multipart part and serves its bytes', async () => {
    const me = await learner();
    const video = mp4Video();
    const form = formOf({ body: 'With a video' }, { video: { bytes: video, name: 'clip.mp4' } });

    const reply = await me.send('POST', '/post/', form);
    const served = await fetch(reply.body.video as string);

    expect(reply.status).toBe(201);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(video);
  });

  it('refuses a picture that is not an image with 415', async () => {
    const me = await learner();
    const form = formOf(
      { body: 'Not a picture' },
      { pic1: { bytes: Buffer.from('plain text '.repeat(30)), name: 'a.png' } },
    );

    const reply = await me.send('POST', '/post/', form);

    expect(reply.status).toBe(415);
  });
});

describe('GET /post/', () => {
  it("shows posts of the viewer's industry and mentors' posts, newest first, but not others'", async () => {
    const techLearner = await learner('technology');
    const otherLearner = await learner('sports');
    const teacher = await mentor();
    const ownIndustry = await posted(techLearner);
    const byMentor = await posted(teacher);
    const sports = await posted(otherLearner);

    const techFeed = await feedIds(techLearner);
    const sportsFeed = await feedIds(otherLearner);
    const mentorFeed = await feedIds(await mentor());

    expect(techFeed).toContain(ownIndustry);
    expect(techFeed).toContain(byMentor);
    expect(techFeed).not.toContain(sports);
    expect(sportsFeed).toContain(byMentor);
    expect(sportsFeed).toContain(sports);
    expect(sportsFeed).not.toContain(ownIndustry);
    expect(mentorFeed).toEqual(expect.arrayContaining([ownIndustry, byMentor]));
    expect(mentorFeed).not.toContain(sports);
    expect(techFeed.indexOf(byMentor)).toBeLessThan(techFeed.indexOf(ownIndustry));
  });

  it('shows each item in the documented shape with its author', async () => {
    const author = await learner('banking');
    const id = await posted(author, 'Shape check');

    const reply = await author.get('/post/?page_size=50');
    const results = reply.body.results as { post_id: number; profile: { profile_photo: string } }[];
    const item = results.find((each) => each.post_id === id)!;

    expect(Object.keys(reply.body)).toEqual(['count', 'next', 'previous', 'last_page', 'results']);
    expect(Object.keys(item)).toEqual(itemKeys);
    expect(Object.keys(item.profile)).toEqual(profileKeys);
    expect(item).toMatchObject({
      profile: { id: author.id, first_name: 'N/A' },
      body: 'Shape check',
      parent: null,
      comment_count: 0,
    });
    expect(item.profile.profile_photo).toMatch(/\/assets\/default-profile-photo\.png$/);
  });

  it("computes each viewer's own flags on the same post", async () => {
    const author = await mentor();
    const follower = await learner('technology');
    const liker = await mentor();
    const saver = await learner('education');
    const id = await posted(author);
    await db().insert(follows).values({ followerId: follower.id, followingId: author.id });
    await db().insert(postLikes).values({ postId: id, userId: liker.id });
    await db().insert(postSaves).values({ postId: id, userId: saver.id });
    const flagsOf = async (viewer: Member) => {
      const reply = await viewer.get(`/post/?post_id=${id}`);
      const { can_like, can_follow, is_self, is_saved } = reply.body;
      return { can_like, can_follow, is_self, is_saved };
    };

    const asAuthor = await flagsOf(author);
    const asFollower = await flagsOf(follower);
    const asLiker = await flagsOf(liker);
    const asSaver = await flagsOf(saver);

    expect(asAuthor).toEqual({ can_like: true, can_follow: false, is_self: true, is_saved: false });
    expect(asFollower).toEqual({
      can_like: true,
      can_follow: false,
      is_self: false,
      is_saved: false,
    });
    expect(asLiker).toEqual({ can_like: false, can_follow: true, is_self: false, is_saved: false });
    expect(asSaver).toEqual({ can_like: true, can_follow: true, is_self: false, is_saved: true });
  });

  it('counts likes, shares and top-level comments only', async () => {
    const author = await mentor();
    const others = await Promise.all([learner(), learner()]);
    const id = await posted(author);
    const [first] = await db()
      .insert(comments)
      .values(others.map((other) => ({ postId: id, authorId: other.id, body: 'Nice' })))
      .returning();
    await db()
      .insert(comments)
      .values({ postId: id, authorId: author.id, parentId: first!.id, body: 'Thanks' });
    await db()
      .insert(postLikes)
      .values(others.map((other) => ({ postId: id, userId: other.id })));
    await db().insert(postShares).values({ postId: id, userId: others[0]!.id });

    const reply = await others[0]!.get(`/post/?post_id=${id}`);

    expect(reply.body).toMatchObject({ comment_count: 2, like_count: 2, share_count: 1 });
  });

  it('shows the original of a repost without its counts or flags', async () => {
    const author = await mentor();
    const reposter = await learner();
    const original = await posted(author, 'The original');
    const [repost] = await db()
      .insert(posts)
      .values({ authorId: reposter.id, body: 'From a friend.', parentId: original })
      .returning();

    const reply = await reposter.get(`/post/?post_id=${repost!.id}`);

    expect(reply.body.parent).toMatchObject({
      profile: { id: author.id },
      body: 'The original',
      article: 'N/A',
    });
    expect(Object.keys(reply.body.parent)).toEqual([
      'profile',
      'body',
      'pic1',
      'pic2',
      'pic3',
      'video',
      'article',
      'time_stamp',
    ]);
  });

  it('returns one post by post_id, with or without the trailing slash', async () => {
    const author = await learner();
    const viewer = await learner('sports');
    const id = await posted(author, 'Just this one');

    const slashed = await viewer.get(`/post/?post_id=${id}`);
    const bare = await viewer.get(`/post?post_id=${id}`);

    expect(slashed.status).toBe(200);
    expect(slashed.body).toMatchObject({ post_id: id, body: 'Just this one', is_self: false });
    expect(bare.body).toEqual(slashed.body);
  });

  it('answers 404 for an unknown post_id and 400 for one that is not an id', async () => {
    const me = await learner();

    const unknown = await me.get('/post/?post_id=999999');
    const bad = await me.get('/post/?post_id=abc');

    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
    expect(bad.status).toBe(400);
  });

  it('answers 401 without a token', async () => {
    const reply = await call(server, 'GET', '/post/');

    expect(reply.status).toBe(401);
  });
});

describe('GET /post/posted/', () => {
  it('pages my own posts by 3 with next and previous links that work, and 404 past the end', async () => {
    const me = await learner('construction');
    const ids: number[] = [];
    for (let n = 1; n <= 4; n++) ids.push(await posted(me, `Mine ${n}`));

    const first = await me.get('/post/posted/');
    const second = await call(
      server,
      'GET',
      first.body.next.replace(server.url, ''),
      undefined,
      me.access,
    );
    const back = await call(
      server,
      'GET',
      second.body.previous.replace(server.url, ''),
      undefined,
      me.access,
    );
    const past = await me.get('/post/posted?page=3');

    expect(first.status).toBe(200);
    expect(first.body.count).toBe(4);
    expect(first.body.results.map((item: { post_id: number }) => item.post_id)).toEqual(
      ids.slice(1).reverse(),
    );
    expect(first.body.next).toBe(`${server.url}/post/posted/?page=2`);
    expect(first.body.previous).toBeNull();
    expect(first.body.last_page).toBe(`${server.url}/post/posted/?page=2`);
    expect(second.body.results.map((item: { post_id: number }) => item.post_id)).toEqual([ids[0]]);
    expect(second.body.next).toBeNull();
    expect(back.body).toEqual(first.body);
    expect(past.status).toBe(404);
  });

  it('answers an empty first page for a member with no posts', async () => {
    const me = await learner();

    const reply = await me.get('/post/posted/');

    expect(reply.body).toMatchObject({ count: 0, next: null, previous: null, results: [] });
  });

  it('keeps page_size in the links', async () => {
    const me = await learner();
    for (let n = 1; n <= 3; n++) await posted(me);

    const reply = await me.get('/post/posted/?page_size=2');

    expect(reply.body.results).toHaveLength(2);
    expect(reply.body.next).toBe(`${server.url}/post/posted/?page=2&page_size=2`);
  });
});

describe('GET /post/following/', () => {
  it('shows only posts of the members I follow, newest first', async () => {
    const me = await learner();
    const followed = await learner('media');
    const stranger = await mentor();
    const older = await posted(followed);
    const newer = await posted(followed);
    await posted(stranger);
    await db().insert(follows).values({ followerId: me.id, followingId: followed.id });

    const reply = await me.get('/post/following');

    expect(reply.status).toBe(200);
    expect(reply.body.count).toBe(2);
    expect(reply.body.results.map((item: { post_id: number }) => item.post_id)).toEqual([
      newer,
      older,
    ]);
    expect(reply.body.results[0]).toMatchObject({ can_follow: false, is_self: false });
  });
});

describe('GET /post/save/', () => {
  it('lists the posts I saved, newest save first, each under "post"', async () => {
    const me = await learner();
    const author = await mentor();
    const first = await posted(author);
    const second = await posted(author);
    await db()
      .insert(postSaves)
      .values({ postId: second, userId: me.id, createdAt: new Date(Date.now() - 60_000) });
    await db().insert(postSaves).values({ postId: first, userId: me.id });

    const reply = await me.get('/post/save/');

    expect(reply.status).toBe(200);
    expect(reply.body.map((item: { post: { post_id: number } }) => item.post.post_id)).toEqual([
      first,
      second,
    ]);
    expect(reply.body[0].post).toMatchObject({ is_saved: true, can_follow: true });
  });
});

describe('SQL round trips', () => {
  it('serves a page in two statements whatever the page size and the likes, comments and shares', async () => {
    const author = await mentor();
    const fans = await Promise.all([learner(), learner(), learner()]);
    for (let n = 0; n < 6; n++) {
      const id = await posted(author);
      const [original] = await db().select().from(posts).where(eq(posts.id, id));
      await db()
        .insert(posts)
        .values({ authorId: fans[0]!.id, body: 'Repost', parentId: original!.id });
      await db()
        .insert(postLikes)
        .values(fans.map((fan) => ({ postId: id, userId: fan.id })));
      await db()
        .insert(comments)
        .values(fans.map((fan) => ({ postId: id, authorId: fan.id, body: 'Yes' })));
      await db()
        .insert(postShares)
        .values(fans.map((fan) => ({ postId: id, userId: fan.id })));
    }
    const small = await countingCaller(fans[1]!);
    const large = await countingCaller(fans[1]!);
    const own = await countingCaller(fans[0]!);
    const one = await countingCaller(fans[2]!);

    await small.posts.feed({ page: 1 });
    const page = await large.posts.feed({ page: 1, page_size: 50 });
    const reposts = await own.posts.mine({ page: 1, page_size: 50 });
    await one.posts.feed({ post_id: 1, page: 1 });

    expect('results' in page && page.results.length).toBeGreaterThanOrEqual(12);
    expect(reposts.results.filter((item) => item.parent !== null)).toHaveLength(6);
    expect(small.statements).toHaveLength(2);
    expect(large.statements).toHaveLength(2);
    expect(own.statements).toHaveLength(2);
    expect(one.statements).toHaveLength(1);
  });
});
