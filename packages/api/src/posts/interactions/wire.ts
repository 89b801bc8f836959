import type { comments, posts } from '@career-nexus/db';
import type { z } from 'zod';
import type { Services } from '../../context.ts';
import { ABSENT, fileUrl, profilePhotoUrl } from '../../profile/details/media.ts';
import type { Author, PostRecord } from '../read.ts';
import { postToWire } from '../wire.ts';
import type {
  CommentItem,
  createCommentOutput,
  MemberSummary,
  ReplyItem,
  replyOutput,
  repostOutput,
  SharedPost,
} from './contract.ts';

// The one place comments, replies, reposts and their authors become their
// documented shapes. Keys are written in the document's order.

type Urls = Pick<Services, 'storage' | 'settings'>;

/** The profile fields a comment or repost shows of its author: a post's. */
export type Member = Author;

/** A comment as the thread query reads it: timestamps arrive as JSON text. */
export interface CommentRecord {
  id: number;
  postId: number;
  parentId: number | null;
  body: string;
  media: string | null;
  createdAt: string | Date;
  likes: number;
  likedByViewer: boolean;
  author: Omit<Member, 'userId' | 'qualification'>;
}

export interface ThreadRecord extends CommentRecord {
  replies: CommentRecord[];
}

export function isoTime(value: string | Date): string {
  return new Date(value).toISOString();
}

export function memberToWire(urls: Urls, member: Member): MemberSummary {
  return {
    id: member.userId,
    first_name: member.firstName,
    last_name: member.lastName,
    middle_name: member.middleName,
    profile_photo: profilePhotoUrl(urls, member.profilePhoto),
    qualification: member.qualification,
  };
}

function commentHead(urls: Urls, record: CommentRecord) {
  return {
    post: record.postId,
    commenter: {
      first_name: record.author.firstName,
      last_name: record.author.lastName,
      middle_name: record.author.middleName,
      profile_picture: profilePhotoUrl(urls, record.author.profilePhoto),
    },
    body: record.body,
    media: fileUrl(urls, record.media),
    parent: record.parentId,
  };
}

function commentTail(record: CommentRecord) {
  return {
    likes: record.likes,
    time_stamp: isoTime(record.createdAt),
    can_like: !record.likedByViewer,
    comment_id: record.id,
  };
}

function listedReplyToWire(urls: Urls, record: CommentRecord): ReplyItem {
  return { ...commentHead(urls, record), replies: [], ...commentTail(record) };
}

/** An item of `GET /post/comment/`: a top-level comment and its replies. */
export function threadToWire(urls: Urls, record: ThreadRecord): CommentItem {
  return {
    ...commentHead(urls, record),
    replies: record.replies.map((reply) => listedReplyToWire(urls, reply)),
    ...commentTail(record),
  };
}

type Comment = typeof comments.$inferSelect;
type Post = typeof posts.$inferSelect;

/** The shape `POST /post/comment/` answers with. */
export function commentToWire(
  urls: Urls,
  comment: Comment,
  author: Member,
): z.infer<typeof createCommentOutput> {
  return {
    user: memberToWire(urls, author),
    body: comment.body,
    media: fileUrl(urls, comment.media),
    time_stamp: isoTime(comment.createdAt),
    comment_id: comment.id,
    post: comment.postId,
  };
}

/** The shape `POST /post/reply/` answers with. */
export function replyToWire(
  urls: Urls,
  reply: Comment,
  author: Member,
): z.infer<typeof replyOutput> {
  return {
    user: memberToWire(urls, author),
    body: reply.body,
    comment_id: reply.id,
    parent: reply.parentId!,
    post: reply.postId,
    time_stamp: isoTime(reply.createdAt),
  };
}

/** The shape `POST /post/repost/` answers with: a repost carries no media or article. */
export function repostToWire(urls: Urls, post: Post, author: Member): z.infer<typeof repostOutput> {
  return {
    profile: memberToWire(urls, author),
    body: post.body,
    media: ABSENT,
    article: post.article || ABSENT,
    time_stamp: isoTime(post.createdAt),
    post_id: post.id,
    parent: post.parentId!,
  };
}

/** The shape of `GET /post/shared/`: a post as seen from outside, without viewer flags. */
export function sharedPostToWire(urls: Urls, record: PostRecord): SharedPost {
  const { can_like, can_follow, is_self, is_saved, ...post } = postToWire(urls, record, 0);
  return post;
}
