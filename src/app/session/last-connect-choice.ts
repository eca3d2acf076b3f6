import { Injectable, PLATFORM_ID, inject } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { browserStorage, readStored, writeStored } from '../shared/browser-storage';
import {
  ConnectChoice,
  ConnectMode,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  SEEDED_USERS,
} from './connect-choice';

/** What the connect panel preselects: the last mode, seeded user and token lifetime. */
export interface RememberedChoice {
  mode: ConnectMode;
  userId: string;
  tokenLifetimeSeconds: number;
}

/** The `localStorage` key the last choice is kept under. */
export const LAST_CONNECT_CHOICE_KEY = 'ngx-stream-chat-demo.last-connect-choice';

const MODES: readonly ConnectMode[] = [
  'token-provider',
  'static-token',
  'dev-token',
  'guest',
  'anonymous',
];

/** The panel's defaults, before anyone has connected. */
export const DEFAULT_CHOICE: RememberedChoice = {
  mode: 'token-provider',
  userId: SEEDED_USERS[0].id,
  tokenLifetimeSeconds: DEFAULT_TOKEN_LIFETIME_SECONDS,
};

function isLifetime(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 86400;
}

/** Reads a stored choice, keeping each field only when it is still valid. */
export function parseRememberedChoice(json: string | null): RememberedChoice {
  let stored: Partial<Record<keyof RememberedChoice, unknown>> = {};
  try {
    const parsed: unknown = json ? JSON.parse(json) : {};
    stored = parsed !== null && typeof parsed === 'object' ? parsed : {};
  } catch {
    // A corrupt entry: fall back to the defaults.
  }
  return {
    mode: MODES.find((mode) => mode === stored.mode) ?? DEFAULT_CHOICE.mode,
    userId: SEEDED_USERS.find((user) => user.id === stored.userId)?.id ?? DEFAULT_CHOICE.userId,
    tokenLifetimeSeconds: isLifetime(stored.tokenLifetimeSeconds)
      ? stored.tokenLifetimeSeconds
      : DEFAULT_CHOICE.tokenLifetimeSeconds,
  };
}

/**
 * Remembers the last way the demo connected (mode, seeded user, token lifetime) so the connect
 * panel preselects it after Disconnect or a reload. Kept in `localStorage` in the browser; in
 * memory only on the server or when storage is unavailable (private mode, quota, policy).
 */
@Injectable({ providedIn: 'root' })
export class LastConnectChoice {
  private readonly storage = isPlatformBrowser(inject(PLATFORM_ID)) ? browserStorage() : undefined;
  private current = parseRememberedChoice(this.read());

  /** The last choice, or the defaults when nothing was remembered. */
  get(): RememberedChoice {
    return this.current;
  }

  /** Remembers a choice; fields the mode does not use (a guest's user) keep their last value. */
  remember(choice: ConnectChoice): void {
    this.current = {
      mode: choice.mode,
      userId: choice.userId ?? this.current.userId,
      tokenLifetimeSeconds: choice.tokenLifetimeSeconds ?? this.current.tokenLifetimeSeconds,
    };
    // Storage full or blocked: the choice is still remembered until the page reloads.
    writeStored(this.storage, LAST_CONNECT_CHOICE_KEY, JSON.stringify(this.current));
  }

  private read(): string | null {
    return readStored(this.storage, LAST_CONNECT_CHOICE_KEY);
  }
}
