import { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ChannelService } from 'ngx-stream-chat';
import {
  StreamChatFakes,
  StreamChatFakesOptions,
  provideStreamChatFakes,
} from 'ngx-stream-chat/testing';
import type { Channel } from 'stream-chat';
import { ChatBackend } from '../chat-backend';
import { CHAT_BACKEND } from '../chat-backend.token';
import { BACKEND_PROBE } from '../connect/backend-probe';

/** The backend the specs run against: the emulator's defaults. */
export const TEST_BACKEND: ChatBackend = {
  apiKey: 'emulator-key',
  baseURL: 'http://127.0.0.1:3100',
  tokenEndpoint: 'http://127.0.0.1:3101/token',
};

/**
 * The library's in-memory fakes of `ChatClientService` and `ChannelService`, with the demo's own
 * settings: the test backend, which always answers the health probe.
 */
export function provideDemoTesting(
  options: StreamChatFakesOptions = {},
): (Provider | EnvironmentProviders)[] {
  return [
    provideStreamChatFakes(options),
    { provide: CHAT_BACKEND, useValue: TEST_BACKEND },
    { provide: BACKEND_PROBE, useValue: () => Promise.resolve(true) },
  ];
}

/**
 * Lists `channel` (unless listed) and makes it active through the fake `ChannelService`, as a
 * user's pick would; then forgets the calls, so a spec sees only those its component makes.
 */
export async function openChannel(channel: Channel): Promise<StreamChatFakes> {
  const fakes = TestBed.inject(StreamChatFakes);
  const service = TestBed.inject(ChannelService);
  const listed = service.channels() ?? [];
  if (!listed.some((entry) => entry.cid === channel.cid)) {
    fakes.channels.set([...listed, channel]);
  }
  await service.setAsActiveChannel(channel);
  fakes.clearCalls();
  return fakes;
}
