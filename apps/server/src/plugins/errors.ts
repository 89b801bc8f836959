import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorReplyOf } from '../http/errors.ts';

/**
 * Every error outside tRPC's own routes becomes the documented JSON body.
 * Registered on the root instance so that it covers every plugin.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(replyWithError);
  app.setNotFoundHandler((request, reply) => {
    // The path alone: a query string may carry a token.
    const path = request.url.split('?')[0];
    reply.code(404).send({ code: 'not_found', message: `No route for ${request.method} ${path}.` });
  });
}

export function replyWithError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body, retryAfter } = errorReplyOf(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.code, status }, 'request refused');

  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  return reply.code(status).send(body);
}
