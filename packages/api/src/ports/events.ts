import { EventEmitter, on } from 'node:events';
import type { DatabaseHandle } from '@career-nexus/db';
import type { Logger } from '../logger.ts';

/** Topics and the payload each carries: ids and small fields only. */
export interface EventTopics {
  activity: ActivityEvent;
}

/** What live dashboards are told about; every domain adds its own here. */
export const activityTypes = [
  'user.signed_up',
  'user.signed_in',
  'user.signed_out',
  'user.password_changed',
  'post.created',
  'post.liked',
  'comment.liked',
  'post.commented',
  'post.reposted',
  'user.followed',
  'connection.requested',
  'connection.accepted',
] as const;

export interface ActivityEvent {
  type: (typeof activityTypes)[number];
  /** Who acted. */
  user_id: number;
  /** What was acted on, when not the user themselves. */
  subject?: { type: 'post' | 'comment' | 'user' | 'connection'; id: number };
  at: string;
}

export type Topic = keyof EventTopics;

export interface Events {
  publish<T extends Topic>(topic: T, payload: EventTopics[T]): Promise<void>;
  /** Events of a topic published from now on, by any server instance. */
  subscribe<T extends Topic>(topic: T, signal?: AbortSignal): AsyncIterable<EventTopics[T]>;
  close(): Promise<void>;
}

const CHANNEL = 'career_nexus_events';

/**
 * Events carried by PostgreSQL LISTEN/NOTIFY, so that every instance sharing
 * the database sees them. Publishing only notifies: local subscribers get
 * the event back through LISTEN, the same path as remote ones.
 */
export async function createDatabaseEvents(handle: DatabaseHandle, log: Logger): Promise<Events> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const unlisten = await handle.listen(CHANNEL, (raw) => {
    try {
      const { topic, payload } = JSON.parse(raw) as { topic: string; payload: unknown };
      local.emit(topic, payload);
    } catch (error) {
      log.warn({ err: error }, 'ignored a malformed event notification');
    }
  });

  return {
    async publish(topic, payload) {
      await handle.notify(CHANNEL, JSON.stringify({ topic, payload }));
    },
    subscribe(topic, signal) {
      return mapIterable(on(local, topic, { signal }), ([payload]) => payload);
    },
    close: unlisten,
  };
}

async function* mapIterable<A, B>(source: AsyncIterable<A>, map: (a: A) => B): AsyncIterable<B> {
  try {
    for await (const item of source) yield map(item);
  } catch (error) {
    // `on` rejects with AbortError when the subscriber leaves; that is the normal end.
    if ((error as Error).name !== 'AbortError') throw error;
  }
}
