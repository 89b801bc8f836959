import { posts, type Industry } from '@career-nexus/db';
import type { Services } from '../context.ts';
import type { UploadedFile } from '../uploads.ts';
import type { Post } from './read.ts';

export interface NewPost {
  body: string;
  article?: string | undefined;
  pic1?: UploadedFile | undefined;
  pic2?: UploadedFile | undefined;
  pic3?: UploadedFile | undefined;
  video?: UploadedFile | undefined;
}

export interface PostAuthorOf {
  id: number;
  /** The author's industry now: the post keeps it as its tag. */
  industry: Industry;
}

/** Writes a post, tagged with its author's industry at posting time. */
export async function createPost(
  { db }: Pick<Services, 'db'>,
  author: PostAuthorOf,
  post: NewPost,
): Promise<Post> {
  const [created] = await db
    .insert(posts)
    .values({
      authorId: author.id,
      body: post.body,
      article: post.article || null,
      pic1: post.pic1?.key ?? null,
      pic2: post.pic2?.key ?? null,
      pic3: post.pic3?.key ?? null,
      video: post.video?.key ?? null,
      industries: [author.industry],
    })
    .returning();
  return created!;
}
