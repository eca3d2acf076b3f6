import { TestBed } from '@angular/core/testing';
import type { StreamChat } from 'stream-chat';
import { ChannelService, ChatClientService, StreamChatFeature } from 'ngx-stream-chat';
import { EmulatorAdmin, provideStreamChatTesting } from 'ngx-stream-chat/testing';
import { connectPeer, tokenFor, uniqueId } from './chat-peer';
import { integrationEmulator } from './emulator-environment';

/** What each channel spec works with: the services, the connected user, and other users. */
export interface ChannelServiceFixture {
  chat: ChatClientService;
  service: ChannelService;
  admin: EmulatorAdmin;
  /** Connects a user through `ChatClientService` (the user the services work for). */
  connect(name: string): Promise<string>;
  /** Connects another user on a raw client of its own, disconnected after the test. */
  peer(name: string): Promise<StreamChat>;
  /** Connects an existing user on another raw client (a second device), disconnected after the test. */
  peerAs(userId: string, name?: string): Promise<StreamChat>;
}

/**
 * Registers `beforeEach`/`afterEach` hooks that give every test fresh services pointed at the
 * emulator (with `features`, such as `withThreads()`), and disconnect everyone afterwards. Call
 * it inside `describe`.
 */
export function useChannelServiceFixture(
  features: StreamChatFeature[] = [],
): ChannelServiceFixture {
  const admin = new EmulatorAdmin(integrationEmulator());
  const peers: StreamChat[] = [];
  const fixture = {
    admin,
    async connect(name: string): Promise<string> {
      const id = uniqueId(name);
      await fixture.chat.init(integrationEmulator().apiKey, { id, name }, tokenFor(id));
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
  } as ChannelServiceFixture;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideStreamChatTesting(integrationEmulator(), { features })],
    });
    fixture.chat = TestBed.inject(ChatClientService);
    fixture.service = TestBed.inject(ChannelService);
  });

  afterEach(async () => {
    fixture.service.reset();
    await fixture.chat.disconnectUser();
    await Promise.all(peers.splice(0).map((peer) => peer.disconnectUser(0)));
    await admin.clearRequestFaults();
  });

  return fixture;
}
