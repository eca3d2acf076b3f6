import type { FileUploadConfig } from 'stream-chat';
import { signServerToken } from 'ngx-stream-chat/testing';
import { integrationEmulator } from './emulator-environment';

/** What a GET of an uploaded file's URL answered: the status and the body's bytes. */
export interface Download {
  status: number;
  bytes: Uint8Array;
  contentType: string | null;
}

/** Fetches a URL the way a browser's `<img>` or link would (jsdom's XMLHttpRequest, CORS and all). */
export function download(url: string): Promise<Download> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('GET', url);
    request.responseType = 'arraybuffer';
    request.onload = () =>
      resolve({
        status: request.status,
        bytes: new Uint8Array(request.response as ArrayBuffer),
        contentType: request.getResponseHeader('Content-Type'),
      });
    request.onerror = () => reject(new Error(`GET ${url} could not be reached`));
    request.send();
  });
}

/**
 * Sets the app's upload limits on the emulator, as an app's backend does with its secret
 * (`PATCH /app`, the request of the server-side `client.updateAppSettings`, whose token signing
 * does not run in jsdom); `null` restores a config's defaults.
 */
export function setUploadLimits(limits: {
  file_upload_config?: FileUploadConfig | null;
  image_upload_config?: FileUploadConfig | null;
}): Promise<void> {
  const { url, apiKey, apiSecret } = integrationEmulator();
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PATCH', `${url}/app?api_key=${encodeURIComponent(apiKey)}`);
    request.setRequestHeader('Authorization', signServerToken(apiSecret));
    request.setRequestHeader('stream-auth-type', 'jwt');
    request.setRequestHeader('Content-Type', 'application/json');
    request.onload = () =>
      request.status === 200
        ? resolve()
        : reject(new Error(`PATCH /app failed (${request.status}): ${request.responseText}`));
    request.onerror = () => reject(new Error('PATCH /app could not be reached'));
    request.send(JSON.stringify(limits));
  });
}
