import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Lets a graceful close finish. A request already running when the close
 * began still answers, but its keep-alive connection would then idle on
 * until its timeout and hold the close open; answering it with
 * `Connection: close` makes Node end that connection once the reply is sent.
 */
export const drainPlugin = fp(async (app: FastifyInstance) => {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
});
