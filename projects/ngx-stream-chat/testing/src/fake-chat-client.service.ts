import { Injectable, Signal, inject } from '@angular/core';
import {
  ChatAppSettings,
  ChatClientService,
  ChatConnectResult,
  ChatInitOptions,
  ChatTokenInput,
  ChatUser,
  ChatUserInput,
  ClientEvent,
  ConnectionState,
  StreamChatError,
} from 'ngx-stream-chat';
import { Observable, map } from 'rxjs';
import type { Channel, StreamChat, UserResponse } from 'stream-chat';
import { FakeChatBackend } from './fake-chat-backend';
import { fakeUser } from './fake-data';
import { MethodNameOf, PublicSurfaceOf } from './public-surface';

/** The methods of `ChatClientService`, as `fakes.client.failNext()` names them. */
export type ChatClientMethod = MethodNameOf<ChatClientService>;

/** `StreamChatError` for a call that needs a connected user, as the real service throws it. */
function notConnected(call: string): StreamChatError {
  return new StreamChatError('invalid-input', `${call} needs a connected user (fake).`);
}

/**
 * An in-memory `ChatClientService`: `init()` connects the user it is given at once, without a
 * server or a token check; `disconnectUser()` disconnects. Its state is the fakes' state
 * (`StreamChatFakes.client` drives it); every call is recorded. Its type is checked against the
 * real service's public members, so it cannot fall behind.
 */
@Injectable()
export class FakeChatClientService implements PublicSurfaceOf<ChatClientService> {
  private readonly backend = inject(FakeChatBackend);
  private readonly state = this.backend.client;

  /** The connected user, as the real `user$`. */
  readonly user$: Observable<ChatUser | undefined> = this.state.observable('user');
  /** The same value as `user$`, as a signal. */
  readonly user: Signal<ChatUser | undefined> = this.state.signal('user');
  /** Where the connection stands, as the real `connectionState$`. */
  readonly connectionState$: Observable<ConnectionState> = this.state.observable('connectionState');
  /** The same value as `connectionState$`, as a signal. */
  readonly connectionState: Signal<ConnectionState> = this.state.signal('connectionState');
  /** The events `fakes.client.emit()` delivers, in the library's `{ eventType, event }` shape. */
  readonly events$: Observable<ClientEvent> = this.backend.events.pipe(
    map((event) => ({ eventType: event.type, event })),
  );
  /** The app settings, once `getAppSettings()` loaded them. */
  readonly appSettings$: Observable<ChatAppSettings | undefined> =
    this.state.observable('appSettings');
  /** The same value as `appSettings$`, as a signal. */
  readonly appSettings: Signal<ChatAppSettings | undefined> = this.state.signal('appSettings');
  /** The channels the user is invited to (`fakes.client.setPendingInvites()`). */
  readonly pendingInvites$: Observable<Channel[]> = this.state.observable('pendingInvites');
  /** The same value as `pendingInvites$`, as a signal. */
  readonly pendingInvites: Signal<Channel[]> = this.state.signal('pendingInvites');

  /**
   * While a user is connected, a `stream-chat` client whose `user` is that user: the one given to
   * `fakes.client.connectAs(user, { client })`, or else an offline one (`offlineStreamChat()`),
   * whose calls to a server fail; `undefined` while nobody is connected. Code that needs a working
   * client needs the emulator (`provideStreamChatTesting()`).
   */
  get chatClient(): StreamChat | undefined {
    return this.backend.streamChat;
  }

  /**
   * Connects the user at once (the id, or the user object given), in both the vendor's form (key
   * first) and the short one; `'anonymous'` connects `!anon`. Resolves with `undefined` (there is
   * no server's `health.check`). After `fakes.client.failNext('init')` it rejects with that error
   * and leaves nobody connected.
   */
  init(
    userOrId: ChatUserInput | undefined,
    tokenOrProvider: ChatTokenInput,
    options?: ChatInitOptions,
  ): Promise<ChatConnectResult>;
  /** The vendor's form, with the API key first. */
  init(
    apiKey: string,
    userOrId: ChatUserInput | undefined,
    tokenOrProvider: ChatTokenInput,
    options?: ChatInitOptions,
  ): Promise<ChatConnectResult>;
  async init(...args: unknown[]): Promise<ChatConnectResult> {
    this.backend.calls.record('ChatClientService', 'init', args);
    const vendorForm =
      args.length > 3 || !(args[2] === undefined || (typeof args[2] === 'object' && args[2]));
    const [userOrId, token] = (vendorForm ? args.slice(1) : args) as [
      ChatUserInput | undefined,
      unknown,
    ];
    if (userOrId === undefined && token !== 'anonymous') {
      throw new StreamChatError('invalid-input', 'init() needs a user id or user object (fake).');
    }
    if (this.state.value.user) this.backend.disconnect();
    this.state.patch({ connectionState: 'connecting' });
    const failure = await this.backend.calls.settle('ChatClientService', 'init');
    if (failure) {
      this.state.patch({ connectionState: 'disconnected' });
      throw failure;
    }
    const user =
      userOrId === undefined
        ? { id: '!anon' }
        : typeof userOrId === 'string'
          ? { id: userOrId }
          : userOrId;
    this.backend.connect(fakeUser(user as Partial<ChatUser> & Pick<UserResponse, 'id'>));
    return undefined;
  }

  /** Disconnects the user: `user$` emits `undefined`, the state `'disconnected'`. */
  async disconnectUser(): Promise<void> {
    this.backend.calls.record('ChatClientService', 'disconnectUser', []);
    this.backend.disconnect();
  }

  /**
   * Publishes the settings given to `fakes.client.setAppSettings()` on `appSettings$`.
   * @throws StreamChatError `invalid-input` when nobody is connected; the server's error when no
   * settings were given (the fake has nothing to load).
   */
  async getAppSettings(): Promise<void> {
    await this.command('getAppSettings', []);
    const settings = this.backend.serverAppSettings;
    if (!settings) {
      throw new StreamChatError(
        'unknown',
        'ChatClientService.getAppSettings() has no settings to load: give them to ' +
          'fakes.client.setAppSettings() first (fake).',
      );
    }
    this.state.patch({ appSettings: settings });
  }

  /** Records the flag; nothing else is visible of it. @throws StreamChatError for an empty id. */
  async flagMessage(messageId: string): Promise<void> {
    await this.command('flagMessage', [messageId]);
    if (!messageId) throw new StreamChatError('invalid-input', 'flagMessage() needs an id (fake).');
  }

  /** The users of `fakes.client.setUsers()` whose id or name contains the term, without the user. */
  async autocompleteUsers(searchTerm: string): Promise<UserResponse[]> {
    this.backend.calls.record('ChatClientService', 'autocompleteUsers', [searchTerm]);
    if (searchTerm === '') return [];
    await this.command('autocompleteUsers', undefined);
    const term = searchTerm.toLowerCase();
    const self = this.state.value.user?.id;
    return this.backend.users.filter(
      (user) =>
        user.id !== self &&
        (user.id.toLowerCase().includes(term) || !!user.name?.toLowerCase().includes(term)),
    );
  }

  /** Takes the channel off `pendingInvites$` and puts it on top of the channel list. */
  async acceptInvite(channel: Channel): Promise<void> {
    await this.answer('acceptInvite', channel);
    const { channels } = this.backend.channels.value;
    if (channels && !channels.includes(channel)) {
      this.backend.updateChannels({ channels: [channel, ...channels] });
    }
  }

  /** Takes the channel off `pendingInvites$`. */
  async rejectInvite(channel: Channel): Promise<void> {
    await this.answer('rejectInvite', channel);
  }

  private async answer(method: 'acceptInvite' | 'rejectInvite', channel: Channel): Promise<void> {
    await this.command(method, [channel]);
    const invites = this.state.value.pendingInvites;
    if (!invites.includes(channel)) {
      throw new StreamChatError(
        'invalid-input',
        `${method}(): the user has no pending invitation to ${channel.cid} (fake).`,
      );
    }
    this.state.patch({ pendingInvites: invites.filter((invite) => invite !== channel) });
  }

  /** Records a command (unless `args` is undefined), then fails as asked or when nobody is connected. */
  private async command(method: ChatClientMethod, args: unknown[] | undefined): Promise<void> {
    if (args) this.backend.calls.record('ChatClientService', method, args);
    if (!this.state.value.user) throw notConnected(`ChatClientService.${method}()`);
    const failure = await this.backend.calls.settle('ChatClientService', method);
    if (failure) throw failure;
  }
}
