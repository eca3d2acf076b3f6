import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { StreamChat } from 'stream-chat';
import { ChannelService, ChatClientService, StreamChatFeature } from 'ngx-stream-chat';
import { EmulatorAdmin, provideStreamChatTesting } from 'ngx-stream-chat/testing';
import { SPEC_REQUEST_TIMEOUT_MS, connectPeer, tokenFor, uniqueId } from './chat-peer';
import { integrationEmulator } from './emulator-environment';

/** Another user's own services, as a second app (or browser tab) would have them. */
export interface OtherSide {
  /** The user's id. */
  id: string;
  chat: ChatClientService;
  service: ChannelService;
}

/** What each channel spec works with: the services, the connected user, and other users. */
export interface ChannelServiceFixture {
  chat: ChatClientService;
  service: ChannelService;
  admin: EmulatorAdmin;
  /** Connects a user through `ChatClientService` (the user the services work for). */
  connect(name: string): Promise<string>;
  /** Connects another user on a raw client of its own, disconnected after the test. */
  peer(name: string): Promise<StreamChat>;
  /**
   * Connects another user through services of its own (same config and features, a separate
   * injector), disconnected and destroyed after the test.
   */
  otherSide(name: string): Promise<OtherSide>;
  /**
   * Takes the services' user offline for requests: its client sends them to an address where
   * nothing listens, so every call fails as without a network (the open socket stays). Returns a
   * function that brings it back, called after the test at the latest.
   */
  goOffline(): () => void;
  /**
   * Holds the services' user's requests before they leave the client, as a slow network would,
   * until the returned function is called (after the test at the latest). Released requests go to
   * the client's current address, so `goOffline()` before releasing makes them fail.
   */
  holdRequests(): () => void;
  /** Connects an existing user on another raw client (a second device), disconnected after the test. */
  peerAs(userId: string, name?: string): Promise<StreamChat>;
}

/** Options of `useChannelServiceFixture()`. */
export interface ChannelServiceFixtureOptions {
  /** Optional features the services get, such as `withAttachments()`. */
  features?: StreamChatFeature[];
}

/** An address where nothing listens: port 9 (discard) is closed on the machines the tests run on. */
const UNREACHABLE_URL = 'http://127.0.0.1:9';

/**
 * Registers `beforeEach`/`afterEach` hooks that give every test fresh services pointed at the
 * emulator, and disconnect everyone afterwards. Call it inside `describe`.
 * @param features optional features the services get, such as `withThreads()`.
 */
export function useChannelServiceFixture(
  options: ChannelServiceFixtureOptions | StreamChatFeature[] = {},
): ChannelServiceFixture {
  const features = Array.isArray(options) ? options : (options.features ?? []);
  const admin = new EmulatorAdmin(integrationEmulator());
  const peers: StreamChat[] = [];
  const others: { side: OtherSide; injector: EnvironmentInjector }[] = [];
  const restores: (() => void)[] = [];
  const fixture = {
    admin,
    async connect(name: string): Promise<string> {
      const id = uniqueId(name);
      await fixture.chat.init(integrationEmulator().apiKey, { id, name }, tokenFor(id), {
        timeout: SPEC_REQUEST_TIMEOUT_MS,
      });
      return id;
    },
    async peer(name: string): Promise<StreamChat> {
      return fixture.peerAs(uniqueId(name), name);
    },
    async peerAs(userId: string, name?: string): Promise<StreamChat> {
      const client = await connectPeer(userId, name);
      peers.push(client);
      return client;
    },
    async otherSide(name: string): Promise<OtherSide> {
      // The root providers (config, client factory) are shared; the services and the feature
      // slices are the child's own.
      const injector = createEnvironmentInjector(
        [ChatClientService, ChannelService, ...features.flatMap((feature) => feature.providers)],
        TestBed.inject(EnvironmentInjector),
      );
      const side: OtherSide = {
        id: uniqueId(name),
        chat: injector.get(ChatClientService),
        service: injector.get(ChannelService),
      };
      others.push({ side, injector });
      await side.chat.init(integrationEmulator().apiKey, { id: side.id, name }, tokenFor(side.id), {
        timeout: SPEC_REQUEST_TIMEOUT_MS,
      });
      return side;
    },
    goOffline(): () => void {
      const client = fixture.chat.chatClient as StreamChat;
      const online = client.baseURL as string;
      client.setBaseURL(UNREACHABLE_URL);
      // jsdom reports each refused request on the console; those are expected here.
      const print = console.error.bind(console);
      const console$ = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
        if (!String(args[0]).includes(UNREACHABLE_URL.slice('http://'.length))) print(...args);
      });
      let restored = false;
      const restore = () => {
        if (restored) return;
        restored = true;
        client.setBaseURL(online);
        console$.mockRestore();
      };
      restores.push(restore);
      return restore;
    },
    holdRequests(): () => void {
      const client = fixture.chat.chatClient as StreamChat;
      const heldFrom = client.baseURL as string;
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const interceptor = client.axiosInstance.interceptors.request.use(async (config) => {
        await gate;
        const url = config.url ?? '';
        return url.startsWith(heldFrom)
          ? { ...config, url: `${client.baseURL as string}${url.slice(heldFrom.length)}` }
          : config;
      });
      const release = () => {
        client.axiosInstance.interceptors.request.eject(interceptor);
        open();
      };
      restores.push(release);
      return release;
    },
  } as ChannelServiceFixture;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideStreamChatTesting(integrationEmulator(), { features })],
    });
    fixture.chat = TestBed.inject(ChatClientService);
    fixture.service = TestBed.inject(ChannelService);
  });

  afterEach(async () => {
    restores.splice(0).forEach((restore) => restore());
    fixture.service.reset();
    await fixture.chat.disconnectUser();
    for (const { side, injector } of others.splice(0)) {
      side.service.reset();
      await side.chat.disconnectUser();
      injector.destroy();
    }
    await Promise.all(peers.splice(0).map((peer) => peer.disconnectUser(0)));
    await admin.clearRequestFaults();
  });

  return fixture;
}
