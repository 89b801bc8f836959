import { whileSignedIn } from '../subscriptions.ts';
import { router, staffProcedure } from '../trpc.ts';
import { activityEvent, onActivityInput } from './contract.ts';

export const dashboardRouter = router({
  /** Live platform activity for staff dashboards, from every server instance. */
  onActivity: staffProcedure.input(onActivityInput).subscription(async function* ({ ctx, signal }) {
    const events = whileSignedIn(ctx, signal, (until) => ctx.events.subscribe('activity', until));
    for await (const event of events) {
      yield activityEvent.parse(event);
    }
  }),
});
