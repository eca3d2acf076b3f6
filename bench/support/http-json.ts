import { Agent, request } from 'node:http';

/** Keep-alive connections, as a browser or the stream-chat client keeps them. */
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/** A JSON response. */
export interface JsonResponse {
  status: number;
  body: Record<string, unknown>;
}

/** Sends `body` as JSON with `method` to `url` and parses the JSON answer. */
export function requestJson(
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method,
        agent,
        headers: {
          'content-type': 'application/json',
          ...(payload === undefined ? {} : { 'content-length': Buffer.byteLength(payload) }),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: Record<string, unknown> = {};
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
          } catch {
            parsed = { raw: text };
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** Closes idle keep-alive sockets so the process can exit. */
export function closeIdleConnections(): void {
  agent.destroy();
}
