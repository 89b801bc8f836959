import { z } from 'zod';
import { idField } from '../../fields.ts';
import { route } from '../../meta.ts';
import { pageInput, paginated } from '../../pagination.ts';
import { recommendedMember } from '../recommended-member.ts';

/** Follow recommendations show 5 members a page unless `page_size` asks otherwise. */
export const RECOMMENDATION_PAGE_SIZE = 5;

/** An absolute URL: the member's photo or the default one. */
const photoUrl = z.string();

/** A member as the followers and followings lists show them. */
export const followedMember = z.object({
  id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  middle_name: z.string(),
  profile_photo: photoUrl,
  qualification: z.string(),
});

export const followInput = z.object({ user_following: idField });

export const followOutput = z.object({
  follower: z.number().int(),
  following: z.number().int(),
});

export const unfollowInput = followInput;

export const unfollowOutput = z.object({ status: z.literal('Unfollowed user') });

/** The document shows both lists as plain arrays, so they stay unpaginated. */
export const memberListOutput = z.array(followedMember);

export const followingCountOutput = z.object({ following_count: z.number().int() });

/** The documented key holds a space; clients read it as written. */
export const followerCountOutput = z.object({ 'followers count': z.number().int() });

export const recommendationsInput = z.object(pageInput).optional();

export const recommendationsOutput = paginated(recommendedMember);

export type FollowedMember = z.infer<typeof followedMember>;

const tag = 'network';

export const recommendationsPath = '/follow/recommendation/';

export const followRoutes = {
  follow: route('POST', '/follow/', {
    tag,
    status: 201,
    summary: 'Follow a member; not yourself, and not twice',
  }),
  unfollow: route('POST', '/unfollow/', { tag, summary: 'Stop following a member I follow' }),
  followings: route('GET', '/followings/', { tag, summary: 'The members I follow' }),
  followers: route('GET', '/followers/', { tag, summary: 'The members who follow me' }),
  followingCount: route('GET', '/followings/count/', {
    tag,
    summary: 'How many members I follow',
  }),
  followerCount: route('GET', '/followers/count/', { tag, summary: 'How many members follow me' }),
  recommendations: route('GET', recommendationsPath, {
    tag,
    summary:
      'Members of my industry or location I have no follow with, most followed first, 5 a page',
  }),
};
