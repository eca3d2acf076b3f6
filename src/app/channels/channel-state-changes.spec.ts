import { TestBed } from '@angular/core/testing';
import type { Event as StreamEvent } from 'stream-chat';
import { FakeChatClientService, provideChatFakes } from '../testing/chat-fakes';
import { ChannelStateChanges } from './channel-state-changes';

describe('ChannelStateChanges', () => {
  it('counts membership, mute, ban and channel events, and nothing else', () => {
    const chat = new FakeChatClientService();
    TestBed.configureTestingModule({ providers: provideChatFakes(chat) });
    const changes = TestBed.inject(ChannelStateChanges);
    expect(changes.version()).toBe(0);
    for (const type of ['member.updated', 'notification.channel_mutes_updated', 'user.banned']) {
      chat.eventSubject.next({ type } as StreamEvent);
    }
    chat.eventSubject.next({ type: 'message.new' } as StreamEvent);
    expect(changes.version()).toBe(3);
  });
});
