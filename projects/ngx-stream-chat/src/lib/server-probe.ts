import type { StreamChat } from 'stream-chat';

/** How long one probe may take before the server counts as not answering. */
export const PROBE_TIMEOUT_MS = 3_000;

/**
 * Whether the client's Stream server answers HTTP at all: one `GET <baseURL>/app?api_key=<key>`
 * without credentials, which the server turns away at its front door (it reads and changes
 * nothing, and needs no token, so an expired one does not matter). Any HTTP answer, even an
 * error status, means the server is back; no answer within `timeoutMs` (refused, reset, timed
 * out, offline) means it is not.
 *
 * The request goes through the client's own `axiosInstance`, so it takes the same way out as the
 * client's calls (browser XHR, Node's http, a configured proxy or adapter). Never rejects.
 */
export async function serverAnswers(
  client: StreamChat,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<boolean> {
  // An abort signal rather than axios' `timeout`, whose timer some XHR implementations (jsdom's)
  // leave running after a request that failed.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    await client.axiosInstance.get(`${client.baseURL}/app`, {
      params: { api_key: client.key },
      timeout: 0,
      signal: abort.signal,
      validateStatus: () => true,
    });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
