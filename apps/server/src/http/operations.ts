import { formShapeOf, type FormShape } from '@career-nexus/api';
import type { AnyRouter } from '@trpc/server';
import { forEachOpenApiProcedure, type OpenApiMethod } from 'trpc-to-openapi';

/** One documented REST operation, read from a procedure's meta. */
export interface Operation {
  /** The procedure's dotted path, such as `auth.signin`. */
  procedure: string;
  method: OpenApiMethod;
  /** As documented, trailing slash included: `/user/signin/`. */
  path: string;
  /** Success status; 200 unless the meta says otherwise. */
  status: number;
  protect: boolean;
  multipart: boolean;
  /** Whether the procedure declares an input at all. */
  hasInput: boolean;
  /** Its file and list fields, for reading a multipart body. */
  form: FormShape;
}

/** Every procedure that carries OpenAPI meta, in router order. */
export function operationsOf(router: AnyRouter): Operation[] {
  const operations: Operation[] = [];
  forEachOpenApiProcedure<{ status?: number }>(router._def.procedures, ({ path, type, procedure, meta }) => {
    if (type === 'subscription') return;
    const { openapi } = meta;
    operations.push({
      procedure: path,
      method: openapi.method,
      path: openapi.path,
      status: meta.status ?? 200,
      protect: openapi.protect ?? true,
      multipart: openapi.contentTypes?.includes('multipart/form-data') ?? false,
      hasInput: procedure._def.inputs.length > 0,
      form: formShapeOf(procedure._def.inputs),
    });
  });
  return operations;
}

/** `/user/signin/` -> `/user/signin`; the root stays `/`. */
export function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Both spellings of a documented path, the documented one first. */
export function spellingsOf(path: string): string[] {
  const bare = withoutTrailingSlash(path);
  return bare === '/' ? ['/'] : [path, path === bare ? `${bare}/` : bare];
}

/** trpc-to-openapi writes path parameters as `{id}`; Fastify as `:id`. */
export function fastifyPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
