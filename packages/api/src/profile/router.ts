import { authedProcedure, router } from '../trpc.ts';
import { updateAccountType } from './account-type.ts';
import { careerRouter } from './career/router.ts';
import * as contract from './contract.ts';
import { detailsRouter } from './details/router.ts';
import { insightsRouter } from './insights/router.ts';

const { profileRoutes: routes } = contract;

export const profileRouter = router({
  ...detailsRouter,
  ...careerRouter,
  ...insightsRouter,
  updateIndustry: authedProcedure
    .meta(routes.updateIndustry)
    .input(contract.updateIndustryInput)
    .output(contract.updateIndustryOutput)
    .mutation(async ({ ctx, input }) => {
      const user = await updateAccountType(ctx, ctx.user.id, {
        industry: input.industry,
        userType: input.user_type,
      });
      return { industry: user.industry, email: user.email, user_type: user.userType };
    }),
});
