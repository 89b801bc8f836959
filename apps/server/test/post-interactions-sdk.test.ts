import { posts, type Industry } from '@career-nexus/db';
import { describe, expect, it } from 'vitest';
import { signUp } from './fixtures/members.ts';
import { refusal } from './fixtures/refusals.ts';
import { sdkTestServer } from './fixtures/sdk.ts';

const sdk = sdkTestServer();

/** A member's signed-in SDK client. */
async function member(as: 'learner' | 'mentor' = 'learner') {
  const signedUp = await signUp(sdk.server, as);
  const client = sdk.connect({ token: signedUp.access, refreshToken: signedUp.refresh });
  return { id: signedUp.id, posts: client.posts };
}

/** A post written straight into the database: every test owns its posts. */
async function postBy(authorId: number, industries: Industry[] = ['others']): Promise<number> {
  const [row] = await sdk.server.services.db
    .insert(posts)
    .values({ authorId, body: 'A post', industries })
    .returning({ id: posts.id });
  return row!.id;
}

const UNKNOWN = 2_000_000_000;

describe('post interactions through the SDK', () => {
  it('comments, replies and reads the tree with each viewer its own can_like', async () => {
    const author = await member();
    const other = await member('mentor');
    const postId = await postBy(author.id);
    const top = await author.posts.comment.mutate({ post: postId, body: 'Top' });
    const sub = await other.posts.reply.mutate({ parent: top.comment_id, body: 'Sub' });
    await other.posts.likeComment.mutate({ comment: top.comment_id });

    const asOther = await other.posts.comments.query({ post_id: postId });
    const asAuthor = await author.posts.comments.query({ post_id: postId });

    expect(asOther).toHaveLength(1);
    expect(asOther[0]).toMatchObject({ comment_id: top.comment_id, likes: 1, can_like: false });
    expect(asOther[0]!.replies.map((item) => item.comment_id)).toEqual([sub.comment_id]);
    expect(asAuthor[0]).toMatchObject({ likes: 1, can_like: true });
  });

  it('answers conflict to a second like of a post and to an unlike of one not liked', async () => {
    const author = await member();
    const me = await member();
    const postId = await postBy(author.id);

    const liked = await me.posts.like.mutate({ post: postId });
    const again = await refusal(me.posts.like.mutate({ post: postId }));
    const unliked = await me.posts.unlike.mutate({ post: postId });
    const notLiked = await refusal(me.posts.unlike.mutate({ post: postId }));

    expect(liked).toEqual({ post: postId });
    expect(again.code).toBe('conflict');
    expect(unliked).toEqual({ status: 'Unliked post' });
    expect(notLiked.code).toBe('conflict');
  });

  it('points a repost of a repost at the original post', async () => {
    const author = await member();
    const first = await member('mentor');
    const second = await member();
    const original = await postBy(author.id, ['health']);
    const repost = await first.posts.repost.mutate({ parent: original, body: 'Look' });

    const again = await second.posts.repost.mutate({ parent: repost.post_id });

    expect(repost).toMatchObject({ parent: original, body: 'Look', media: 'N/A' });
    expect(again.parent).toBe(original);
  });

  it('saves twice without error, forgets the save, and shares a link that opens anonymously', async () => {
    const author = await member();
    const me = await member();
    const postId = await postBy(author.id);

    const saved = await me.posts.save.mutate({ post: postId });
    const savedAgain = await me.posts.save.mutate({ post: postId });
    await me.posts.unsave.mutate({ post_id: postId });
    const shared = await me.posts.share.mutate({ post: postId });
    const anonymous = sdk.connect();
    const opened = await anonymous.posts.shared.query({ post_id: postId });

    expect(saved).toEqual({ post_id: postId });
    expect(savedAgain).toEqual({ post_id: postId });
    expect(shared.link).toContain(`/post/shared/?post_id=${postId}`);
    expect(opened).toMatchObject({ post_id: postId, share_count: 1, parent: null });
  });

  it('answers not_found for unknown posts and comments, validation_failed for missing fields', async () => {
    const me = await member();

    const comment = await refusal(me.posts.comment.mutate({ post: UNKNOWN, body: 'Hi' }));
    const likeComment = await refusal(me.posts.likeComment.mutate({ comment: UNKNOWN }));
    const share = await refusal(me.posts.share.mutate({ post: UNKNOWN }));
    const blank = await refusal(me.posts.comment.mutate({ post: 1, body: '' }));
    const noPost = await refusal(me.posts.save.mutate({}));

    expect(comment.code).toBe('not_found');
    expect(likeComment.code).toBe('not_found');
    expect(share.code).toBe('not_found');
    expect(blank).toEqual({ code: 'validation_failed', fields: ['body'] });
    expect(noPost).toEqual({ code: 'validation_failed', fields: ['post'] });
  });
});
