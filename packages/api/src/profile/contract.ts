import { industries, userTypes } from '@career-nexus/db';
import { z } from 'zod';
import { route } from '../meta.ts';

export const updateIndustryInput = z.object({
  industry: z.enum(industries),
  user_type: z.enum(userTypes).optional(),
});

export const updateIndustryOutput = z.object({
  industry: z.enum(industries),
  email: z.string(),
  user_type: z.enum(userTypes),
});

export const profileRoutes = {
  updateIndustry: route('PATCH', '/user/profile-update/', {
    status: 206,
    tag: 'profiles',
    summary: 'Change the industry and, optionally, the user type',
  }),
};
