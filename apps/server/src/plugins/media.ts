import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export interface MediaOptions {
  /** The folder disk storage writes to. */
  root: string;
}

/**
 * Stored files at `/media/*`, streamed by @fastify/static, which keeps
 * requests inside the root and sets the content type from the name.
 */
export async function mediaPlugin(app: FastifyInstance, options: MediaOptions): Promise<void> {
  await app.register(fastifyStatic, {
    root: options.root,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    setHeaders(response) {
      // Uploads are user content: never let one run as a page of this origin.
      response.setHeader('content-security-policy', "default-src 'none'; sandbox");
      response.setHeader('x-content-type-options', 'nosniff');
    },
  });
}
