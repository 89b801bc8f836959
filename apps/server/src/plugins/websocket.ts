import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** 1012 "Service Restart": clients may reconnect, to this instance or another. */
export const RESTART_CLOSE_CODE = 1012;

/**
 * One WebSocket server for the whole app (tRPC and the documented raw URLs
 * share it). On shutdown every socket is told the service is restarting
 * before the server lets go of them.
 */
export const websocketPlugin = fp(async (app: FastifyInstance) => {
  await app.register(fastifyWebsocket, {
    options: { maxPayload: 1024 * 1024 },
    preClose(done) {
      const server = app.websocketServer;
      for (const socket of server.clients) socket.close(RESTART_CLOSE_CODE, 'Server restarting');
      server.close(() => done());
    },
  });
});
