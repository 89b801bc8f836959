import { z } from 'zod';
import { route } from '../../meta.ts';

export const analyticsOutput = z.object({
  total_posts: z.number().int(),
  total_views: z.number().int(),
  total_connections: z.number().int(),
});

/** The parts of a complete profile and their weights, in the documented order. */
export const completionItems = [
  { name: 'profile_photo', weight: 15 },
  { name: 'intro_video', weight: 15 },
  { name: 'experience', weight: 20 },
  { name: 'certification', weight: 15 },
  { name: 'bio', weight: 15 },
  { name: 'education', weight: 20 },
] as const;

export type CompletionItem = (typeof completionItems)[number]['name'];

const completionItem = z.enum(completionItems.map((item) => item.name));

export const completionOutput = z.object({
  completion: z.number().int().min(0).max(100),
  incomplete_items: z.array(completionItem),
  complete_items: z.array(completionItem),
});

const tag = 'profiles';

export const insightsRoutes = {
  analytics: route('GET', '/user/analytics/', {
    tag,
    summary: 'My posts, profile views by others and confirmed connections, counted',
  }),
  completion: route('GET', '/user/completion/', {
    tag,
    summary: 'How complete my profile is, and which parts are missing',
  }),
};
