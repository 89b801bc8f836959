import { createContext, type Context, type Services } from '@career-nexus/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
    const log = request.log.child({ userId: ctx.user.id });
    request.log = log;
    reply.log = log;
  }
  return ctx;
}
