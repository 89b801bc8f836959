import { createContext, type Context, type Services } from '@career-nexus/api';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from './bearer.ts';

/** The context of one HTTP request, from its bearer token and client address. */
export async function requestContext(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Context> {
  const token = bearerToken(request.headers.authorization);
  const ctx = await createContext(services, { token, ip: request.ip, log: request.log });
  if (ctx.user) {
    // Fastify's own lines for this request ("request completed") name the user too.
    // ctx.log is the child createContext made of request.log: a pino logger, and
    // reusing it spares a second child, which costs a lot per request.
    request.log = ctx.log as FastifyBaseLogger;
    reply.log = request.log;
  }
  return ctx;
}
