import { z } from 'zod';
import { idField } from '../../fields.ts';
import { route } from '../../meta.ts';
import { pageInput, paginated } from '../../pagination.ts';
import { recommendedMember } from '../recommended-member.ts';

/** Recommendations come 5 a page, as in the original service. */
export const RECOMMENDATION_PAGE_SIZE = 5;

export const recommendationCriteria = ['location', 'industry'] as const;

export const requestConnectionInput = z.object({ connection: idField });

export const requestConnectionOutput = z.object({
  id: z.number().int(),
  user: z.number().int(),
  connection: z.number().int(),
  status: z.literal('PENDING'),
});

/** The other member of a connection, as every connection list shows them. */
export const connectionItem = z.object({
  id: z.number().int(),
  connection: z.object({
    first_name: z.string(),
    last_name: z.string(),
    middle_name: z.string(),
    profile_photo: z.string(),
    qualification: z.string(),
    status: z.enum(['PENDING', 'CONFIRMED']),
    user_id: z.number().int(),
  }),
});

export const listConnectionsOutput = z.array(connectionItem);

export const pendingRequestsOutput = z.object({
  pending_requests: z.array(connectionItem),
  count: z.number().int(),
});

export const sentRequestsOutput = z.object({
  connection_requests: z.array(connectionItem),
  count: z.number().int(),
});

export const connectionCountOutput = z.object({ connections_count: z.number().int() });

export const respondInput = z.object({
  connection_id: idField,
  status: z.enum(['Accept', 'Reject']),
});

export const respondOutput = z.object({ status: z.enum(['Accepted', 'Rejected']) });

export const removeConnectionInput = z.object({ connection_id: idField });

export const removedOutput = z.void();

export const recommendationInput = z.object({
  criteria: z.enum(recommendationCriteria, 'Use criteria=location or criteria=industry.'),
  ...pageInput,
});

export const recommendationPage = paginated(recommendedMember);

export type ConnectionItem = z.infer<typeof connectionItem>;
export type RecommendationCriteria = (typeof recommendationCriteria)[number];

const tag = 'network';

export const recommendationPath = '/connection/recommendation/';

export const connectionRoutes = {
  request: route('POST', '/connection/', {
    status: 201,
    tag,
    summary: 'Ask another member to connect',
  }),
  list: route('GET', '/connection/', { tag, summary: 'My confirmed connections' }),
  pending: route('GET', '/connection/pending/', {
    tag,
    summary: 'Connection requests waiting for my answer',
  }),
  sent: route('GET', '/connection/requests/', {
    tag,
    summary: 'Connection requests I sent that are still pending',
  }),
  count: route('GET', '/connection/count/', {
    tag,
    summary: 'How many confirmed connections I have',
  }),
  respond: route('POST', '/connection/status/', {
    tag,
    summary: 'Accept or reject a connection request sent to me',
  }),
  remove: route('DELETE', '/connection/', {
    status: 204,
    tag,
    summary: 'Remove a connection or request I am part of',
  }),
  recommend: route('GET', recommendationPath, {
    tag,
    summary: 'Members I may know, by location or industry',
  }),
};
