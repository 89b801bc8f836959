import type { Services } from '../context.ts';
import type { ActivityEvent } from '../ports/events.ts';

/**
 * Tells live dashboards that something happened. The change it reports is
 * already committed, so a failure to publish is logged, never thrown.
 */
export async function publishActivity(
  { events, clock, log }: Pick<Services, 'events' | 'clock' | 'log'>,
  type: ActivityEvent['type'],
  userId: number,
  subject?: ActivityEvent['subject'],
): Promise<void> {
  try {
    await events.publish('activity', {
      type,
      user_id: userId,
      ...(subject && { subject }),
      at: clock.now().toISOString(),
    });
  } catch (error) {
    log.error({ err: error, type, userId }, 'could not publish an activity event');
  }
}
