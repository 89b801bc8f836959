import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/**
 * Every error the API answers with, by its stable wire `code`. The one
 * table that maps a code to its tRPC code and HTTP status.
 */
export const errorTable = {
  validation_failed: { trpc: 'BAD_REQUEST', status: 400 },
  bad_request: { trpc: 'BAD_REQUEST', status: 400 },
  invalid_otp: { trpc: 'BAD_REQUEST', status: 400 },
  otp_expired: { trpc: 'BAD_REQUEST', status: 400 },
  otp_locked: { trpc: 'BAD_REQUEST', status: 400 },
  invalid_link: { trpc: 'BAD_REQUEST', status: 400 },
  invalid_refresh_token: { trpc: 'BAD_REQUEST', status: 400 },
  unauthenticated: { trpc: 'UNAUTHORIZED', status: 401 },
  invalid_credentials: { trpc: 'UNAUTHORIZED', status: 401 },
  token_revoked: { trpc: 'UNAUTHORIZED', status: 401 },
  forbidden: { trpc: 'FORBIDDEN', status: 403 },
  not_eligible: { trpc: 'FORBIDDEN', status: 403 },
  not_found: { trpc: 'NOT_FOUND', status: 404 },
  method_not_allowed: { trpc: 'METHOD_NOT_SUPPORTED', status: 405 },
  conflict: { trpc: 'CONFLICT', status: 409 },
  email_taken: { trpc: 'CONFLICT', status: 409 },
  payload_too_large: { trpc: 'PAYLOAD_TOO_LARGE', status: 413 },
  unsupported_media_type: { trpc: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
  rate_limited: { trpc: 'TOO_MANY_REQUESTS', status: 429 },
  internal: { trpc: 'INTERNAL_SERVER_ERROR', status: 500 },
} as const satisfies Record<string, { trpc: TRPC_ERROR_CODE_KEY; status: number }>;

export type ErrorCode = keyof typeof errorTable;

/** The code a plain TRPCError (not thrown by domain code) answers with. */
const codeForTrpc: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  BAD_REQUEST: 'bad_request',
  PARSE_ERROR: 'bad_request',
  UNAUTHORIZED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  METHOD_NOT_SUPPORTED: 'method_not_allowed',
  CONFLICT: 'conflict',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  TOO_MANY_REQUESTS: 'rate_limited',
};

export interface DomainErrorOptions {
  /** Seconds after which a rate-limited call may be tried again. */
  retryAfter?: number;
  cause?: unknown;
}

/** The one error type domain code throws. */
export class DomainError extends TRPCError {
  readonly appCode: ErrorCode;
  readonly retryAfter: number | undefined;

  constructor(appCode: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super({ code: errorTable[appCode].trpc, message, cause: options.cause });
    this.name = 'DomainError';
    this.appCode = appCode;
    this.retryAfter = options.retryAfter;
  }
}

/** The wire code of any error that reached the API boundary. */
export function appCodeOf(error: TRPCError): ErrorCode {
  if (error instanceof DomainError) return error.appCode;
  return codeForTrpc[error.code] ?? 'internal';
}

export function statusOf(code: ErrorCode): number {
  return errorTable[code].status;
}
