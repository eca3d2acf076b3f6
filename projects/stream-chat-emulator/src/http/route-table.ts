import { IncomingMessage, ServerResponse } from 'node:http';
import { inputError } from '../protocol/api-error';
import { Caller } from '../auth/caller';
import { ChatServices } from '../services/emulator-services';
import { JsonObject } from '../protocol/body-fields';
import { RouteAuth } from './request-auth';

/** What a route handler receives. */
export interface RouteContext {
  /** The narrow services routes work with (no secrets, no fault injection). */
  services: ChatServices;
  /** Who is calling. */
  caller: Caller;
  /** Decoded path parameters, e.g. `{type: 'messaging', id: 'general'}`. */
  params: Record<string, string>;
  /** The query string. */
  query: URLSearchParams;
  /** The JSON body (`{}` for GET and empty bodies). */
  body: JsonObject;
  /** The `connection_id` query parameter, when sent. */
  connectionId?: string;
  /** The request itself: routes with `body: 'raw'` read their body from it; headers such as `Host`. */
  request: IncomingMessage;
  /**
   * The response. A handler that answers by itself (file downloads) writes it completely;
   * the core then sends nothing more and ignores the returned object.
   */
  response: ServerResponse;
}

/** One endpoint. */
export interface RouteDefinition {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A path with `:name` parameters, e.g. `/channels/:type/:id/message`. */
  path: string;
  /** Stream's operation name, used in error messages (`SendMessage failed with error: ...`). */
  operation: string;
  auth: RouteAuth;
  /**
   * Whether a non-GET route only reads (queries, typing events, stop-watching), so it is still
   * served while the data file cannot be written.
   */
  changesNothing?: boolean;
  /** HTTP status of a successful answer (200 when omitted). */
  status?: number;
  /**
   * How the core reads a POST/PUT/PATCH body: `json` (the default) parses it into `body`;
   * `raw` leaves it unread in `request` for the handler (multipart uploads).
   */
  body?: 'json' | 'raw';
  /**
   * Largest accepted body in bytes (default 1 MiB, `MAX_BODY_BYTES`). For `raw` bodies the
   * core refuses a larger declared `Content-Length` (code 22); the handler counts what it reads.
   */
  maxBodyBytes?: number;
  /** Handles the request and returns the response body (`duration` is added). */
  handle(context: RouteContext): JsonObject | Promise<JsonObject>;
}

/** The outcome of looking up a path. */
export type RouteMatch =
  | { kind: 'found'; route: RouteDefinition; params: Record<string, string> }
  | { kind: 'wrong-method'; operation: string }
  | { kind: 'not-found' };

/**
 * Finds the first route whose path matches (literal segments must be listed before
 * parameters that could swallow them).
 * @throws ApiError code 4 when a path parameter is not valid URI encoding.
 */
export function matchRoute(
  routes: RouteDefinition[],
  method: string,
  pathname: string,
): RouteMatch {
  const segments = pathname.split('/').slice(1);
  let wrongMethod: string | undefined;
  for (const route of routes) {
    const params = matchPath(route.path, segments);
    if (!params) {
      continue;
    }
    if (route.method === method) {
      return { kind: 'found', route, params };
    }
    wrongMethod ??= route.operation;
  }
  return wrongMethod ? { kind: 'wrong-method', operation: wrongMethod } : { kind: 'not-found' };
}

function matchPath(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').slice(1);
  if (parts.length !== segments.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (part.startsWith(':')) {
      if (segments[index] === '') {
        return undefined;
      }
      params[part.slice(1)] = decodeSegment(segments[index]);
    } else if (part !== segments[index]) {
      return undefined;
    }
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw inputError(`path segment "${segment}" is not valid URI encoding`);
  }
}
