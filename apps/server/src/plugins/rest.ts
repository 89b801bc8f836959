import fastifyMultipart from '@fastify/multipart';
import {
  createCallerFactory,
  DomainError,
  type AppRouter,
  type Services,
  type UploadedFile,
} from '@career-nexus/api';
import type { AnyRouter } from '@trpc/server';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { requestContext } from '../http/context.ts';
import { discard, readMultipart } from '../http/multipart.ts';
import { fastifyPath, operationsOf, spellingsOf, type Operation } from '../http/operations.ts';

export interface RestOptions {
  router: AnyRouter;
  services: Services;
  /** The largest file one multipart part may carry, enforced while it streams. */
  maxFileBytes: number;
}

type Call = (caller: unknown, input: unknown) => Promise<unknown>;

const METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const NO_FILES: UploadedFile[] = [];

/**
 * The REST door. Walks the router once and serves each procedure's
 * documented route as a native Fastify route that calls the procedure
 * through a server-side caller: no Fetch API objects on the way, so the
 * door costs little more than the procedure itself.
 */
export async function restPlugin(app: FastifyInstance, options: RestOptions): Promise<void> {
  // Any router on the API's context works here; the type only serves the SDK.
  const createCaller = createCallerFactory(options.router as AppRouter);
  const operations = operationsOf(options.router);
  const register = (scope: FastifyInstance, operation: Operation) => {
    const handler = handlerOf(operation, options, createCaller);
    for (const url of spellingsOf(fastifyPath(operation.path))) {
      scope.route({ method: operation.method, url, handler });
    }
  };

  for (const operation of operations.filter((each) => !each.multipart)) register(app, operation);
  // @fastify/multipart hooks every request of its scope, so only the
  // operations that take files pay for it; elsewhere a multipart body is a 415.
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: options.maxFileBytes } });
    for (const operation of operations.filter((each) => each.multipart)) register(scope, operation);
  });
  registerNotAllowed(app, operations);
}

function handlerOf(
  operation: Operation,
  options: RestOptions,
  createCaller: (ctx: never) => unknown,
) {
  const call = callerOf(operation.procedure);
  const { services } = options;

  return async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = await requestContext(services, request, reply);
    const { input, files } = await inputOf(request, operation, options, ctx.user !== null);

    let output: unknown;
    try {
      output = await call(createCaller(ctx as never), input);
    } catch (error) {
      await discard(services.storage, files);
      throw error;
    }

    reply.code(operation.status);
    return operation.status === 204 ? reply.send() : reply.send(output);
  };
}

/** Resolves `a.b.c` on a caller once per route, not once per request. */
function callerOf(procedure: string): Call {
  const segments = procedure.split('.');
  return (caller, input) => {
    let target = caller as Record<string, unknown>;
    for (const segment of segments) target = target[segment] as Record<string, unknown>;
    return (target as unknown as (input: unknown) => Promise<unknown>)(input);
  };
}

interface Input {
  input: unknown;
  files: UploadedFile[];
}

async function inputOf(
  request: FastifyRequest,
  operation: Operation,
  options: RestOptions,
  signedIn: boolean,
): Promise<Input> {
  if (operation.multipart && request.isMultipart()) {
    return multipartInput(request, operation, options, signedIn);
  }
  if (!operation.hasInput) return { input: undefined, files: NO_FILES };

  const base = { ...(request.query as object), ...(request.params as object) };
  const body = request.body;
  if (body === undefined || body === null) return { input: base, files: NO_FILES };
  // A body that is not an object goes to the procedure as is, for its schema to refuse.
  const input = typeof body === 'object' && !Array.isArray(body) ? { ...base, ...body } : body;
  return { input, files: NO_FILES };
}

async function multipartInput(
  request: FastifyRequest,
  operation: Operation,
  options: RestOptions,
  signedIn: boolean,
): Promise<Input> {
  // Checked before any byte is stored: anonymous callers may not fill the storage.
  if (operation.protect && !signedIn) {
    throw new DomainError('unauthenticated', 'Sign in to do this.');
  }
  const { storage } = options.services;
  const { fields, files } = await readMultipart(
    request,
    storage,
    operation.form,
    options.maxFileBytes,
  );
  const input = { ...(request.query as object), ...(request.params as object), ...fields };
  return { input, files };
}

/** A wrong method on a documented path is a 405 that names the right ones. */
function registerNotAllowed(app: FastifyInstance, operations: Operation[]): void {
  const allowed = new Map<string, Set<HTTPMethods>>();
  for (const { path, method } of operations) {
    const key = fastifyPath(path);
    allowed.set(key, (allowed.get(key) ?? new Set()).add(method));
  }
  for (const [path, methods] of allowed) registerNotAllowedAt(app, path, methods);
}

function registerNotAllowedAt(app: FastifyInstance, path: string, methods: Set<HTTPMethods>): void {
  // Fastify answers HEAD wherever GET is served.
  const served = methods.has('GET') ? new Set([...methods, 'HEAD' as const]) : methods;
  const allow = [...served].join(', ');
  const others = METHODS.filter((method) => !served.has(method));
  if (others.length === 0) return;

  const handler = (request: FastifyRequest, reply: FastifyReply) =>
    reply.code(405).header('allow', allow).send({
      code: 'method_not_allowed',
      message: `${request.method} is not allowed here; use ${allow}.`,
    });
  for (const url of spellingsOf(path)) app.route({ method: others, url, handler });
}
