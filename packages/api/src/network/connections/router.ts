import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure } from '../../trpc.ts';
import * as contract from './contract.ts';
import {
  confirmedConnections,
  countConfirmed,
  incomingRequests,
  outgoingRequests,
} from './lists.ts';
import { recommendationPage } from './recommendations.ts';
import { removeConnection, requestConnection, respondToRequest } from './requests.ts';
import { connectionToWire } from './wire.ts';
import { pageOf, toPage } from '../../pagination.ts';
import { recommendationToWire } from '../recommended-member.ts';

const { connectionRoutes: routes, RECOMMENDATION_PAGE_SIZE: pageSize } = contract;

const connection = {
  request: authedProcedure
    .meta(routes.request)
    .input(contract.requestConnectionInput)
    .output(contract.requestConnectionOutput)
    .mutation(async ({ ctx, input }) => {
      const row = await requestConnection(ctx, ctx.user.id, input.connection);

      ctx.log.info({ connectionId: row.id }, 'connection requested');
      return { id: row.id, user: row.requesterId, connection: row.recipientId, status: 'PENDING' };
    }),

  list: authedProcedure
    .meta(routes.list)
    .output(contract.listConnectionsOutput)
    .query(async ({ ctx }) =>
      (await confirmedConnections(ctx, ctx.user.id)).map((row) => connectionToWire(ctx, row)),
    ),

  pending: authedProcedure
    .meta(routes.pending)
    .output(contract.pendingRequestsOutput)
    .query(async ({ ctx }) => {
      const rows = await incomingRequests(ctx, ctx.user.id);
      return {
        pending_requests: rows.map((row) => connectionToWire(ctx, row)),
        count: rows.length,
      };
    }),

  sent: authedProcedure
    .meta(routes.sent)
    .output(contract.sentRequestsOutput)
    .query(async ({ ctx }) => {
      const rows = await outgoingRequests(ctx, ctx.user.id);
      return {
        connection_requests: rows.map((row) => connectionToWire(ctx, row)),
        count: rows.length,
      };
    }),

  count: authedProcedure
    .meta(routes.count)
    .output(contract.connectionCountOutput)
    .query(async ({ ctx }) => ({ connections_count: await countConfirmed(ctx, ctx.user.id) })),

  respond: authedProcedure
    .meta(routes.respond)
    .input(contract.respondInput)
    .output(contract.respondOutput)
    .mutation(async ({ ctx, input }) => {
      await respondToRequest(ctx, ctx.user.id, input.connection_id, input.status);

      ctx.log.info(
        { connectionId: input.connection_id, answer: input.status },
        'connection answered',
      );
      return { status: input.status === 'Accept' ? 'Accepted' : 'Rejected' } as const;
    }),

  remove: authedProcedure
    .meta(routes.remove)
    .input(contract.removeConnectionInput)
    .output(contract.removedOutput)
    .mutation(({ ctx, input }) => removeConnection(ctx, ctx.user.id, input.connection_id)),

  recommend: authedProcedure
    .meta(routes.recommend)
    .input(contract.recommendationInput)
    .output(contract.recommendationPage)
    .query(async ({ ctx, input }) => {
      const page = pageOf(input, pageSize);

      const { rows, count } = await recommendationPage(ctx, ctx.user, input.criteria, page);

      const items = rows.map((row) => recommendationToWire(ctx, row));
      const base = {
        publicUrl: ctx.settings.publicUrl,
        path: contract.recommendationPath,
        query: { criteria: input.criteria },
      };
      return toPage(items, count, page, base, pageSize);
    }),
} satisfies TRPCRouterRecord;

/** Connection requests and connections: `network.connection.request`, ... */
export const connectionsRouter = { connection } satisfies TRPCRouterRecord;
