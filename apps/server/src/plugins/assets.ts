import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { ASSETS_PATH } from '@career-nexus/api';
import type { FastifyInstance } from 'fastify';

/** The images that ship with the server, such as the default profile photo. */
export const assetsDir = fileURLToPath(new URL('../../assets/', import.meta.url));

/**
 * Serves the shipped images at the path the API's default image URLs name,
 * wherever uploads are kept (disk or S3).
 */
export async function assetsPlugin(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: ASSETS_PATH,
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    maxAge: '1d',
  });
}
