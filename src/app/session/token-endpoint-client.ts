import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { CHAT_BACKEND } from '../chat-backend.token';

/** The body of a successful token endpoint response. */
interface TokenResponse {
  token: string;
}

/**
 * Gets tokens from "your own backend", the token endpoint named in `chat-backend.json`:
 * `GET <tokenEndpoint>?user_id=<id>&expires_in=<seconds>` answers `{"token": "<JWT>"}`.
 */
@Injectable({ providedIn: 'root' })
export class TokenEndpointClient {
  private readonly http = inject(HttpClient);
  private readonly endpoint = inject(CHAT_BACKEND).tokenEndpoint;

  /**
   * Fetches a token for `userId` that expires after `expiresInSeconds` (the endpoint's default,
   * 60 s, when left out). Rejects with an error that says what to check.
   */
  async fetchToken(userId: string, expiresInSeconds?: number): Promise<string> {
    let params = new HttpParams().set('user_id', userId);
    if (expiresInSeconds !== undefined) {
      params = params.set('expires_in', String(expiresInSeconds));
    }
    let response: TokenResponse;
    try {
      response = await firstValueFrom(this.http.get<TokenResponse>(this.endpoint, { params }));
    } catch (error) {
      throw this.explain(error);
    }
    if (typeof response?.token !== 'string' || !response.token) {
      throw new Error(`The token endpoint ${this.endpoint} answered without a "token" field.`);
    }
    return response.token;
  }

  /** A token provider for `init()`: called on connect and whenever the token has expired. */
  tokenProvider(userId: string, expiresInSeconds?: number): () => Promise<string> {
    return () => this.fetchToken(userId, expiresInSeconds);
  }

  private explain(error: unknown): Error {
    if (!(error instanceof HttpErrorResponse)) {
      return error instanceof Error ? error : new Error(String(error));
    }
    if (error.status === 0) {
      return new Error(
        `Could not reach the token endpoint at ${this.endpoint}. Is it running? ` +
          '(npm start runs one next to the emulator.)',
        { cause: error },
      );
    }
    const reason = (error.error as { error?: unknown } | null)?.error;
    return new Error(
      `The token endpoint refused to sign a token (HTTP ${error.status}` +
        `${typeof reason === 'string' ? `: ${reason}` : ''}).`,
      { cause: error },
    );
  }
}
