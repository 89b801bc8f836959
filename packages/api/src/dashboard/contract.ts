import { z } from 'zod';
import { activityTypes } from '../ports/events.ts';

export const activityEvent = z.object({
  type: z.enum(activityTypes),
  user_id: z.number().int(),
  subject: z
    .object({ type: z.enum(['post', 'comment', 'user', 'connection']), id: z.number().int() })
    .optional(),
  at: z.string(),
});

export const onActivityInput = z.object({}).optional();
