import { createContext, type Context, type Services } from '@career-nexus/api';
import type { FastifyRequest } from 'fastify';
import { bearerToken } from './bearer.ts';

/** The context of one HTTP request, from its bearer token and client address. */
export async function requestContext(services: Services, request: FastifyRequest): Promise<Context> {
  const token = bearerToken(request.headers.authorization);
  const ctx = await createContext(services, { token, ip: request.ip, log: request.log });
  // Fastify's own lines for this request (such as "request completed") name the user too.
  if (ctx.user) request.log = request.log.child({ userId: ctx.user.id });
  return ctx;
}
