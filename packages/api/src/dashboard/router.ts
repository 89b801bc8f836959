import { router, staffProcedure } from '../trpc.ts';
import { activityEvent, onActivityInput } from './contract.ts';

export const dashboardRouter = router({
  /** Live platform activity for staff dashboards, from every server instance. */
  onActivity: staffProcedure.input(onActivityInput).subscription(async function* ({ ctx, signal }) {
    for await (const event of ctx.events.subscribe('activity', signal)) {
      yield activityEvent.parse(event);
    }
  }),
});
