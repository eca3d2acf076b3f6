import { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApiError,
  ErrorCode,
  doesNotExistError,
  internalError,
  payloadTooBigError,
} from '../protocol/api-error';
import { EmulatorServices } from '../services/emulator-services';
import { JsonObject } from '../protocol/body-fields';
import { answerPreflight, applyCorsHeaders } from './cors';
import { formatDuration, sendApiError, sendJson } from './json-responses';
import { checkApiKey } from '../auth/api-key';
import { authenticateRequest } from './request-auth';
import { MAX_BODY_BYTES, readJsonBody } from './request-body';
import { RouteDefinition, matchRoute } from './route-table';

/** The Stream error code that goes with an injected HTTP failure status. */
function injectedErrorCode(status: number): number {
  if (status === 429) {
    return ErrorCode.rateLimit;
  }
  if (status === 408 || status === 504) {
    return ErrorCode.requestTimeout;
  }
  return ErrorCode.internal;
}

/**
 * Builds the HTTP request listener: CORS, routing, injected faults, `api_key`, body
 * (JSON, 1 MiB limit unless the route sets its own; `raw` bodies are left to the handler), authentication, the route handler, and Stream-shaped errors for every
 * failure. Nothing a client sends can make it throw; unexpected errors become code -1.
 */
export function createRequestHandler(
  services: EmulatorServices,
  routes: RouteDefinition[],
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    void handleRequest(services, routes, request, response);
  };
}

/**
 * Waits until what the request changed is on disk (a data file's journal), so that an answered
 * change survives a crash. Changes made meanwhile by other requests or sockets are saved in the
 * same batch.
 * @throws ApiError 503 when the save failed: the change was made but is not saved.
 */
async function changesSaved(services: EmulatorServices, versionBefore: number): Promise<void> {
  const saves = services.saves;
  const version = saves?.version() ?? 0;
  if (!saves || version === versionBefore) {
    return;
  }
  try {
    await saves.saved(version);
  } catch (error) {
    throw new ApiError(
      ErrorCode.internal,
      503,
      `the change was made but the emulator cannot save its data file (${(error as Error).message}); ` +
        'it refuses changes until it can save again; reads still work',
    );
  }
}

async function handleRequest(
  services: EmulatorServices,
  routes: RouteDefinition[],
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const startedAt = process.hrtime.bigint();
  applyCorsHeaders(request, response);
  if (request.method === 'OPTIONS') {
    request.resume();
    answerPreflight(response);
    return;
  }
  let operation = 'Request';
  let rawBodyRoute = false;
  try {
    const url = new URL(request.url ?? '/', 'http://emulator.local');
    const method = request.method ?? 'GET';
    const match = matchRoute(routes, method, url.pathname);
    if (match.kind === 'not-found') {
      request.resume();
      throw doesNotExistError(`endpoint ${method} ${url.pathname} does not exist`);
    }
    if (match.kind === 'wrong-method') {
      request.resume();
      operation = match.operation;
      throw new ApiError(
        ErrorCode.input,
        405,
        `method ${method} is not allowed on ${url.pathname}`,
      );
    }
    const { route, params } = match;
    operation = route.operation;
    if (route.auth !== 'server' && route.auth !== 'none') {
      const fault = services.requestFaults.take();
      if (fault.delayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      }
      if (fault.failStatus !== undefined) {
        request.resume();
        throw new ApiError(
          injectedErrorCode(fault.failStatus),
          fault.failStatus,
          'failure injected by the emulator',
        );
      }
      checkApiKey(services.app, url.searchParams.get('api_key'));
    }
    const storageFailure = services.saves?.failure;
    if (storageFailure && method !== 'GET' && method !== 'HEAD' && !route.changesNothing) {
      request.resume();
      throw new ApiError(
        ErrorCode.internal,
        503,
        `the emulator cannot save its data file (${storageFailure.message}), so it refuses ` +
          'changes until it can; reads still work',
      );
    }
    let body: JsonObject = {};
    const limit = route.maxBodyBytes ?? MAX_BODY_BYTES;
    if (method === 'GET' || method === 'HEAD' || method === 'DELETE') {
      request.resume();
    } else if (route.body === 'raw') {
      rawBodyRoute = true;
      if (Number(request.headers['content-length']) > limit) {
        throw payloadTooBigError(limit);
      }
    } else {
      body = await readJsonBody(request, limit);
    }
    const caller = authenticateRequest(services, request.headers, url.searchParams, route.auth);
    const versionBefore = services.saves?.version() ?? 0;
    const result = await route.handle({
      services,
      caller,
      params,
      query: url.searchParams,
      body,
      connectionId: url.searchParams.get('connection_id') ?? undefined,
      request,
      response,
    });
    await changesSaved(services, versionBefore);
    sendJson(response, route.status ?? 200, { ...result, duration: formatDuration(startedAt) });
  } catch (error) {
    if (rawBodyRoute && !request.complete) {
      // A raw body the handler did not finish reading is drained, so the answer gets through.
      request.unpipe();
      request.resume();
    }
    if (error instanceof ApiError) {
      sendApiError(response, error, operation, startedAt);
      return;
    }
    services.log(
      `internal error in ${operation}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    sendApiError(
      response,
      internalError(`internal error: ${error instanceof Error ? error.message : String(error)}`),
      operation,
      startedAt,
    );
  }
}
