import type { OpenApiMethod } from 'trpc-to-openapi';
import type { Meta } from './trpc.ts';

export interface RouteOptions {
  /** Documented success status; 200 when absent. */
  status?: number;
  summary: string;
  tag: string;
  /** Whether the route needs `Authorization: Bearer <access>`. */
  protect?: boolean;
  /** Accepts multipart/form-data as well as JSON. */
  multipart?: boolean;
}

/**
 * The documented REST route of a procedure. `path` is written as the API
 * document spells it, trailing slash included; both spellings are served.
 */
export function route(method: OpenApiMethod, path: `/${string}`, options: RouteOptions): Meta {
  return {
    status: options.status ?? 200,
    openapi: {
      method,
      path,
      summary: options.summary,
      tags: [options.tag],
      protect: options.protect ?? true,
      contentTypes: options.multipart ? ['application/json', 'multipart/form-data'] : undefined,
    },
  };
}
