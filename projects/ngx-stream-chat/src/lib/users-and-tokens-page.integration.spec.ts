/**
 * The code lines of the vendor's "Users and tokens" page, as written there (import path aside),
 * run against the emulator. Part one keeps the page's placeholders and checks that they compile
 * and fail with clear errors; part two fills the placeholders with real values and checks that
 * each line does what the page says.
 */
import { Injectable, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { StreamChat } from 'stream-chat';
import {
  ChannelService,
  ChatClientService,
  StreamChatError,
  provideStreamChat,
} from 'ngx-stream-chat';
import { tokenFor, uniqueId } from '../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../jest/emulator-environment';
import { poll } from '../../../stream-chat-emulator/test/poll';

const emulator = integrationEmulator();

/** The app's environment file, as the page's guest and anonymous examples assume. */
const environment = { apiKey: emulator.apiKey };

/** The page's snippets with its placeholders left in. */
@Injectable({ providedIn: 'root' })
class PageAsWritten {
  private chatService = inject(ChatClientService);
  private channelService = inject(ChannelService);

  private async connectUser(userId: string) {
    // Make sure to wait for disconnect before connecting a new user
    await this.disconnectUser();
    await this.chatService.init('<API key>', userId, '<token provider>');
    // The page does not await this; awaiting it makes a failed channel query reject
    // connectUser instead of going unhandled.
    // @ts-expect-error The page's placeholder stands for a filter object.
    await this.channelService.init('<channel filters>');
  }

  private async disconnectUser() {
    if (!this.chatService.chatClient?.user) {
      return;
    }
    this.channelService.reset();
    await this.chatService.disconnectUser();
  }

  switchUser(userId: string) {
    return this.connectUser(userId);
  }

  initChannels() {
    // @ts-expect-error The page's placeholder stands for a filter object.
    return this.channelService.init('<channel filters>');
  }

  connectById() {
    // Connect by providing user id only
    return this.chatService.init('<API key>', '<user id>', '<token or provider>');
  }

  connectWithUserSettings() {
    // Or connect by providing user settings such as name, image, etc.
    return this.chatService.init(
      '<API key>',
      {
        id: '<user id>',
        name: 'Sara',
        image: 'url/to/image',
      },
      '<token or provider>',
    );
  }

  connectStaticToken() {
    // Option 1: using a static token
    return this.chatService.init(
      '<API key>',
      '<user or id>',
      // Example static token
      'eyJhbGcIOiJIUzI1NiIsInR5cCI6IkpXVCJ9...',
    );
  }
}

/** The page's snippets with real values in place of the placeholders. */
@Injectable({ providedIn: 'root' })
class PageFilledIn {
  private chatService = inject(ChatClientService);
  private channelService = inject(ChannelService);

  connectById(userId: string) {
    // Connect by providing user id only
    return this.chatService.init(emulator.apiKey, userId, tokenFor(userId));
  }

  connectWithUserSettings(userId: string) {
    // Or connect by providing user settings such as name, image, etc.
    return this.chatService.init(
      emulator.apiKey,
      {
        id: userId,
        name: 'Sara',
        image: 'url/to/image',
      },
      tokenFor(userId),
    );
  }

  connectGuest() {
    // Guest users
    return this.chatService.init(environment.apiKey, 'john', 'guest');
  }

  connectAnonymous() {
    // Anonymous users
    return this.chatService.init(environment.apiKey, undefined, 'anonymous');
  }

  connectWithTokenProvider(
    userId: string,
    httpCallToYourOwnBackend: () => Promise<{ token: string }>,
  ) {
    // Option 2. using a token provider
    // The page writes the provider as `() => async { ... }`, which is not valid TypeScript;
    // this is the valid form of the same provider.
    return this.chatService.init(
      emulator.apiKey,
      userId,
      // Example token provider
      async () => {
        const token = (await httpCallToYourOwnBackend()).token;

        return token;
      },
    );
  }

  connectWithDevToken(id: string) {
    const apiKey = emulator.apiKey;
    const userId = id;
    const devToken = StreamChat.getInstance(apiKey).devToken(userId);
    return this.chatService.init(apiKey, userId, devToken);
  }

  async connectUser(userId: string) {
    // Make sure to wait for disconnect before connecting a new user
    await this.disconnectUser();
    await this.chatService.init(emulator.apiKey, userId, async () => tokenFor(userId));
    // Awaited (the page does not): the caller waits for the channel list, and a failed
    // query rejects connectUser instead of going unhandled.
    await this.channelService.init({ type: 'messaging', members: { $in: [userId] } });
  }

  async disconnectUser() {
    if (!this.chatService.chatClient?.user) {
      return;
    }
    this.channelService.reset();
    await this.chatService.disconnectUser();
  }

  logUser(log: (user: unknown) => void) {
    return this.chatService.user$.subscribe((u) => log(u));
  }
}

describe('The "Users and tokens" page', () => {
  beforeEach(() => {
    // The page's default: the StreamChat.getInstance() singleton, pointed at the emulator.
    TestBed.configureTestingModule({
      providers: [provideStreamChat({ options: { baseURL: emulator.url } })],
    });
  });

  afterEach(() => TestBed.inject(ChatClientService).disconnectUser());

  describe('as written, with its placeholders', () => {
    it.each(['connectById', 'connectWithUserSettings', 'connectStaticToken'] as const)(
      '%s compiles and rejects the placeholders with a clear error',
      async (snippet) => {
        const page = TestBed.inject(PageAsWritten);
        const error = await page[snippet]().catch((e: unknown) => e);

        expect(error).toBeInstanceOf(StreamChatError);
        expect((error as StreamChatError).kind).toBe('invalid-input');
        expect((error as StreamChatError).message).toMatch(/characters Stream rejects|not a JWT/);
      },
    );

    it('rejects the token provider placeholder in the switching snippet with a clear error', async () => {
      const error = await TestBed.inject(PageAsWritten)
        .switchUser('alice')
        .catch((e: unknown) => e);

      expect(error).toMatchObject({
        kind: 'invalid-input',
        message: expect.stringMatching(/not a JWT/),
      });
    });

    it('rejects the channel filters placeholder with a clear error', async () => {
      const id = uniqueId('page-filters');
      await TestBed.inject(ChatClientService).init(emulator.apiKey, id, tokenFor(id));
      const error = await TestBed.inject(PageAsWritten)
        .initChannels()
        .catch((e: unknown) => e);

      expect(error).toMatchObject({
        kind: 'invalid-input',
        message: expect.stringMatching(/needs a filter object/),
      });
    });
  });

  describe('filled in', () => {
    let page: PageFilledIn;
    let chat: ChatClientService;

    beforeEach(() => {
      page = TestBed.inject(PageFilledIn);
      chat = TestBed.inject(ChatClientService);
    });

    it('connects by user id only', async () => {
      const id = uniqueId('page-id');
      await page.connectById(id);

      expect(chat.chatClient?.user?.id).toBe(id);
    });

    it('connects with user settings such as name and image', async () => {
      const id = uniqueId('page-sara');
      await page.connectWithUserSettings(id);

      expect(chat.user()).toMatchObject({ id, name: 'Sara', image: 'url/to/image' });
    });

    it('connects a guest and an anonymous user', async () => {
      await page.connectGuest();
      expect(chat.user()).toMatchObject({ id: 'john', role: 'guest' });

      await page.disconnectUser();
      await page.connectAnonymous();
      expect(chat.user()).toMatchObject({ role: 'anonymous' });
    });

    it('connects with a token provider that calls your own backend', async () => {
      const id = uniqueId('page-provider');
      const backend = jest.fn(async () => ({ token: tokenFor(id) }));
      await page.connectWithTokenProvider(id, backend);

      expect(backend).toHaveBeenCalledTimes(1);
      expect(chat.user()?.id).toBe(id);
    });

    it('connects with a dev token from StreamChat.getInstance(apiKey).devToken(userId)', async () => {
      const id = uniqueId('page-dev');
      await page.connectWithDevToken(id);

      expect(chat.chatClient).toBe(StreamChat.getInstance(emulator.apiKey));
      expect(chat.user()?.id).toBe(id);
    });

    it('switches users with disconnectUser, reset and init, and user$ emits undefined in between', async () => {
      const first = uniqueId('page-first');
      const second = uniqueId('page-second');
      const channels = TestBed.inject(ChannelService);
      const firstChannel = `${first}-room`;
      const seen: unknown[] = [];
      const subscription = page.logUser((u) => seen.push((u as { id?: string } | undefined)?.id));

      await page.connectUser(first);
      await chat.chatClient!.channel('messaging', firstChannel, { members: [first] }).watch();
      await poll(() => channels.channels() !== undefined, {
        description: "the first user's channel list",
      });
      await page.connectUser(second);
      await poll(() => channels.channels() !== undefined, {
        description: "the second user's channel list",
      });
      subscription.unsubscribe();

      expect(seen).toEqual([undefined, first, undefined, second]);
      expect(channels.channels()!.map((channel) => channel.id)).not.toContain(firstChannel);
    });
  });
});
