import { Injectable, computed, inject, signal } from '@angular/core';
import { ChannelService, ChatClientService, isStreamChatError } from 'ngx-stream-chat';
import { StreamChat } from 'stream-chat';
import { CHAT_BACKEND } from '../chat-backend.token';
import {
  ConnectChoice,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  STATIC_TOKEN_LIFETIME_SECONDS,
  guestUserFor,
  isUserMode,
  seededUser,
} from './connect-choice';
import { channelInitArguments } from './channel-init-arguments';
import { DemoError, describeError } from './demo-error';
import { LastConnectChoice } from './last-connect-choice';
import { TokenEndpointClient } from './token-endpoint-client';

/** The arguments of one `ChatClientService.init()` call. */
type InitArguments = Parameters<ChatClientService['init']>;

/**
 * The demo's session: connects, switches and disconnects users the way the vendor's
 * "Users and tokens" page shows, and keeps the last error for the error banner.
 */
@Injectable({ providedIn: 'root' })
export class DemoSession {
  private readonly chatService = inject(ChatClientService);
  private readonly channelService = inject(ChannelService);
  private readonly backend = inject(CHAT_BACKEND);
  private readonly tokens = inject(TokenEndpointClient);
  private readonly lastChoice = inject(LastConnectChoice);

  private readonly choiceState = signal<ConnectChoice | undefined>(undefined);
  private readonly errorState = signal<DemoError | undefined>(undefined);
  private readonly busyState = signal(false);

  /** How the current user connected; `undefined` on the connect panel. */
  readonly choice = this.choiceState.asReadonly();
  /** The last error, until dismissed or until the next attempt. */
  readonly error = this.errorState.asReadonly();
  /** Whether a connect, switch or disconnect is under way. */
  readonly busy = this.busyState.asReadonly();
  /** Whether the current user may only read (anonymous users). */
  readonly readOnly = computed(() => this.choiceState()?.mode === 'anonymous');

  /**
   * Connects as the page shows: waits for the previous user to be disconnected (channels reset
   * first), then `chatService.init(...)`, then `channelService.init(...)` with
   * `channelInitArguments(choice)`, the arguments the connect panel's preview prints.
   * Resolves with whether the user got connected; errors go to `error`. The choice is remembered
   * (`LastConnectChoice`) for the connect panel to preselect next time.
   */
  async connect(choice: ConnectChoice): Promise<boolean> {
    this.lastChoice.remember(choice);
    this.errorState.set(undefined);
    this.busyState.set(true);
    try {
      await this.disconnectUser();
      await this.chatService.init(...(await this.initArguments(choice)));
    } catch (error) {
      this.choiceState.set(undefined);
      this.report(`Could not connect ${this.describeWho(choice)}`, error);
      return false;
    } finally {
      this.busyState.set(false);
    }
    this.choiceState.set(choice);
    try {
      await this.channelService.init(...channelInitArguments(choice));
    } catch (error) {
      this.report('Could not load the channels', error);
    }
    return true;
  }

  /** "Switch user": the same mode (a token provider after a guest or anonymous user), another seeded user. */
  switchUser(userId: string): Promise<boolean> {
    const current = this.choiceState();
    const mode = current && isUserMode(current.mode) ? current.mode : 'token-provider';
    return this.connect({ ...current, mode, userId, guestName: undefined });
  }

  /** Disconnects and goes back to the connect panel. */
  async disconnect(): Promise<void> {
    this.errorState.set(undefined);
    this.busyState.set(true);
    try {
      await this.disconnectUser();
    } catch (error) {
      this.report('Could not disconnect cleanly', error);
    } finally {
      this.choiceState.set(undefined);
      this.busyState.set(false);
    }
  }

  /** Shows an error in the banner. */
  report(title: string, error: unknown): void {
    if (isStreamChatError(error, 'superseded')) {
      return;
    }
    this.errorState.set(describeError(title, error));
  }

  /** Hides the error banner. */
  dismissError(): void {
    this.errorState.set(undefined);
  }

  /** The page's `disconnectUser()`: nothing when nobody is connected, else reset, then disconnect. */
  private async disconnectUser(): Promise<void> {
    if (!this.chatService.chatClient?.user) {
      return;
    }
    this.channelService.reset();
    await this.chatService.disconnectUser();
  }

  private async initArguments(choice: ConnectChoice): Promise<InitArguments> {
    const { apiKey } = this.backend;
    switch (choice.mode) {
      case 'anonymous':
        return [apiKey, undefined, 'anonymous'];
      case 'guest':
        return [apiKey, guestUserFor(choice.guestName ?? ''), 'guest'];
      case 'dev-token': {
        const user = seededUser(this.requireUserId(choice));
        return [apiKey, user, StreamChat.getInstance(apiKey).devToken(user.id)];
      }
      case 'static-token': {
        const user = seededUser(this.requireUserId(choice));
        return [apiKey, user, await this.tokens.fetchToken(user.id, STATIC_TOKEN_LIFETIME_SECONDS)];
      }
      case 'token-provider': {
        const user = seededUser(this.requireUserId(choice));
        const lifetime = choice.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
        return [apiKey, user, this.tokens.tokenProvider(user.id, lifetime)];
      }
    }
  }

  private requireUserId(choice: ConnectChoice): string {
    if (!choice.userId) {
      throw new Error('Pick a user to connect as.');
    }
    return choice.userId;
  }

  private describeWho(choice: ConnectChoice): string {
    if (choice.mode === 'anonymous') {
      return 'anonymously';
    }
    if (choice.mode === 'guest') {
      return `as guest ${choice.guestName?.trim() || ''}`.trim();
    }
    return choice.userId ? `as ${seededUser(choice.userId).name}` : '';
  }
}
