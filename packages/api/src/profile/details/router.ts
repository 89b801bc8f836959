import type { TRPCRouterRecord } from '@trpc/server';
import { DomainError } from '../../errors.ts';
import { authedProcedure } from '../../trpc.ts';
import * as contract from './contract.ts';
import { mediaUrlsOf } from './media.ts';
import { readProfile, recordProfileView } from './read.ts';
import { updateProfile } from './update.ts';
import { retrievedToWire, updatedToWire } from './wire.ts';

const { detailsRoutes: routes } = contract;

/** A member's profile itself: `profile.retrieve`, `profile.update`. */
export const detailsRouter = {
  retrieve: authedProcedure
    .meta(routes.retrieve)
    .input(contract.retrieveProfileInput)
    .output(contract.retrieveProfileOutput)
    .query(async ({ ctx, input }) => {
      const userId = input?.user_id ?? ctx.user.id;
      const record = await readProfile(ctx, userId);
      if (!record) throw new DomainError('not_found', 'No member has this id.');

      if (userId !== ctx.user.id) await recordProfileView(ctx, userId, ctx.user.id);
      return retrievedToWire(record, mediaUrlsOf(ctx, record.profile));
    }),

  update: authedProcedure
    .meta(routes.update)
    .input(contract.updateProfileInput)
    .output(contract.updateProfileOutput)
    .mutation(async ({ ctx, input }) => {
      const { profile, userType } = await updateProfile(ctx, ctx.user.id, input);
      return updatedToWire(profile, userType, mediaUrlsOf(ctx, profile));
    }),
} satisfies TRPCRouterRecord;
