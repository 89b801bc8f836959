import { z } from 'zod';

export const activityEvent = z.object({
  type: z.enum(['user.signed_up', 'user.signed_in', 'user.signed_out', 'user.password_changed']),
  user_id: z.number().int(),
  at: z.string(),
});

export const onActivityInput = z.object({}).optional();
