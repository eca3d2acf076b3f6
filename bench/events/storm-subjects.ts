import {
  ApplicationRef,
  Type,
  createComponent,
  provideZonelessChangeDetection,
  ɵChangeDetectionScheduler as ChangeDetectionScheduler,
} from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import {
  ChannelService,
  ChatClientService,
  provideStreamChat,
  withReactions,
  withThreads,
} from 'ngx-stream-chat';
import { separateClientFactory } from 'ngx-stream-chat/testing';
import { firstValueFrom } from 'rxjs';
import { Channel, StreamChat } from 'stream-chat';
import type WebSocket from 'ws';
import {
  ChannelService as VendorChannelService,
  ChatClientService as VendorChatClientService,
  StreamMessage,
} from 'stream-chat-angular';
import { CONNECT_TIMEOUT_MS, rawClient } from '../support/emulator-clients';
import { RemoteEmulator } from '../support/remote-emulator';
import { LibraryStormApp, VendorStormApp } from './storm-apps';
import { StormSubjectName, readerId } from './storm-seed';
import { TICK_COUNTER, TickCounter } from './tick-counter';

/** Channels per page while loading the list (the emulator's largest page). */
const PAGE_SIZE = 30;

/** One client (raw, or inside an SDK) connected as its subject's reader, its channels loaded. */
export interface StormSubject {
  subject: StormSubjectName;
  /** For tables. */
  label: string;
  /** Feeds one frame to the client exactly as its socket would. */
  deliver(frame: string): void;
  /** The channels the SDK lists (the raw client's query results for the raw subject). */
  listedChannels(): Channel[];
  /**
   * Makes the channel with this id active and opens the thread of its message `parentId`, read
   * from the client's state (the storm's messages exist only there). Nothing for the raw client.
   */
  openThread(channelId: string, parentId: string): Promise<void>;
  /** How many replies the open thread lists (the raw client: its state's thread of `parentId`). */
  threadReplies(channelId: string, parentId: string): Promise<number>;
  /** Renders the SDK's app component; returns its tick counter (the raw client has no app). */
  render(): TickCounter;
  /** The tick counter once rendered. */
  ticks?: TickCounter;
  stop(): Promise<void>;
}

function noApp(label: string): () => TickCounter {
  return () => {
    throw new Error(`${label} has no app to render`);
  };
}

function socketDelivery(client: StreamChat): (frame: string) => void {
  return (frame) => {
    const connection = client.wsConnection;
    if (!connection) {
      throw new Error('the client has no socket');
    }
    connection.onmessage(connection.wsID, { data: frame } as WebSocket.MessageEvent);
  };
}

function channelFilter(subject: StormSubjectName) {
  return { type: 'messaging', members: { $in: [readerId(subject)] } };
}

function renderInto(
  subject: () => StormSubject,
  appRef: ApplicationRef,
  component: Type<unknown>,
  counter: TickCounter,
) {
  return () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const ref = createComponent(component, {
      environmentInjector: appRef.injector,
      hostElement: host,
    });
    appRef.attachView(ref.hostView);
    appRef.tick();
    // Every request to render (an async pipe's markForCheck, a signal read by a template) goes
    // through the scheduler's notify().
    const scheduler = appRef.injector.get(ChangeDetectionScheduler);
    const notify = scheduler.notify.bind(scheduler);
    scheduler.notify = (source) => {
      counter.noteRenderRequest();
      notify(source);
    };
    counter.ticks = 0;
    counter.renderRequests = 0;
    subject().ticks = counter;
    return counter;
  };
}

/** No client at all: the frames are built, paced and dropped, to measure the harness itself. */
export function harnessSubject(): StormSubject {
  const lengths = { total: 0 };
  return {
    subject: 'raw',
    label: 'delivery harness',
    // Reads the frame, so delivering it is not optimised away.
    deliver: (frame) => {
      lengths.total += frame.length;
    },
    listedChannels: () => [],
    openThread: async () => undefined,
    threadReplies: async () => 0,
    render: noApp('the harness'),
    stop: async () => undefined,
  };
}

/** The raw client: `connectUser`, then every page of channels, watched. */
export async function rawSubject(
  emulator: RemoteEmulator,
  channels: number,
): Promise<StormSubject> {
  const reader = readerId('raw');
  const client = rawClient(emulator);
  await client.connectUser({ id: reader }, emulator.createToken(reader));
  const listed: Channel[] = [];
  while (listed.length < channels) {
    const page = await client.queryChannels(
      channelFilter('raw'),
      { last_message_at: -1 },
      { limit: PAGE_SIZE, offset: listed.length, watch: true, state: true, presence: true },
    );
    if (page.length === 0) break;
    listed.push(...page);
  }
  return {
    subject: 'raw',
    label: 'raw stream-chat client',
    deliver: socketDelivery(client),
    listedChannels: () => listed,
    openThread: async () => undefined,
    threadReplies: async (channelId, parentId) =>
      client.channel('messaging', channelId).state.threads[parentId]?.length ?? 0,
    render: noApp('the raw client'),
    stop: () => client.disconnectUser(0),
  };
}

/** stream-chat-angular 7: its ChatClientService and ChannelService in a zoneless app. */
export async function vendorSubject(
  emulator: RemoteEmulator,
  channels: number,
): Promise<StormSubject> {
  const counter = new TickCounter();
  const appRef = await createApplication({
    providers: [provideZonelessChangeDetection(), { provide: TICK_COUNTER, useValue: counter }],
  });
  const chat = appRef.injector.get(VendorChatClientService);
  const channelService = appRef.injector.get(VendorChannelService);
  const reader = readerId('vendor');
  await chat.init(emulator.apiKey, reader, emulator.createToken(reader), {
    baseURL: emulator.url,
    allowServerSideConnect: true,
  });
  chat.chatClient.defaultWSTimeout = CONNECT_TIMEOUT_MS;
  await channelService.init(channelFilter('vendor'), { last_message_at: -1 }, { limit: PAGE_SIZE });
  while (channelService.channels.length < channels) {
    const before = channelService.channels.length;
    await channelService.loadMoreChannels();
    if (channelService.channels.length === before) break;
  }
  await firstValueFrom(channelService.channels$);
  const subject: StormSubject = {
    subject: 'vendor',
    label: 'stream-chat-angular 7',
    deliver: socketDelivery(chat.chatClient),
    listedChannels: () => channelService.channels,
    openThread: async (channelId, parentId) => {
      const channel = chat.chatClient.channel('messaging', channelId);
      channelService.setAsActiveChannel(channel);
      const parent = channel.state.findMessage(parentId);
      if (!parent) throw new Error(`stream-chat-angular has no message ${parentId}`);
      await channelService.setAsActiveParentMessage(parent as StreamMessage, 'state');
    },
    threadReplies: async () => (await firstValueFrom(channelService.activeThreadMessages$)).length,
    render: renderInto(() => subject, appRef, VendorStormApp, counter),
    stop: async () => {
      channelService.reset();
      await chat.disconnectUser();
      appRef.destroy();
    },
  };
  return subject;
}

/**
 * ngx-stream-chat: its ChatClientService and ChannelService in a zoneless app, with threads and
 * reactions (`withThreads()`, `withReactions()`), as the vendor's service always has them.
 */
export async function librarySubject(
  emulator: RemoteEmulator,
  channels: number,
): Promise<StormSubject> {
  const counter = new TickCounter();
  const appRef = await createApplication({
    providers: [
      provideZonelessChangeDetection(),
      { provide: TICK_COUNTER, useValue: counter },
      provideStreamChat(
        {
          apiKey: emulator.apiKey,
          options: { baseURL: emulator.url, allowServerSideConnect: true },
          clientFactory: separateClientFactory(CONNECT_TIMEOUT_MS),
        },
        withThreads(),
        withReactions(),
      ),
    ],
  });
  const chat = appRef.injector.get(ChatClientService);
  const channelService = appRef.injector.get(ChannelService);
  const reader = readerId('ours');
  await chat.init(emulator.apiKey, reader, emulator.createToken(reader));
  await channelService.init(channelFilter('ours'), { last_message_at: -1 }, { limit: PAGE_SIZE });
  while (channelService.hasMoreChannels() && (channelService.channels()?.length ?? 0) < channels) {
    await channelService.loadMoreChannels();
  }
  const client = chat.chatClient;
  if (!client) {
    throw new Error('ngx-stream-chat has no client after init()');
  }
  const subject: StormSubject = {
    subject: 'ours',
    label: 'ngx-stream-chat',
    deliver: socketDelivery(client),
    listedChannels: () => channelService.channels() ?? [],
    openThread: async (channelId, parentId) => {
      const channel = client.channel('messaging', channelId);
      await channelService.setAsActiveChannel(channel);
      const parent = channelService.activeChannelMessages().find(({ id }) => id === parentId);
      if (!parent) throw new Error(`ngx-stream-chat lists no message ${parentId}`);
      await channelService.setAsActiveParentMessage(parent, 'state');
    },
    threadReplies: async () => channelService.activeThreadMessages().length,
    render: renderInto(() => subject, appRef, LibraryStormApp, counter),
    stop: async () => {
      channelService.reset();
      await chat.disconnectUser();
      appRef.destroy();
    },
  };
  return subject;
}
