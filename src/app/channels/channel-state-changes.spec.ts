import { TestBed } from '@angular/core/testing';
import type { Event as StreamEvent } from 'stream-chat';
import { StreamChatFakes } from 'ngx-stream-chat/testing';
import { provideDemoTesting } from '../testing/demo-test-providers';
import { ChannelStateChanges } from './channel-state-changes';

describe('ChannelStateChanges', () => {
  it('counts membership, mute, ban and channel events, and nothing else', () => {
    TestBed.configureTestingModule({ providers: provideDemoTesting() });
    const fakes = TestBed.inject(StreamChatFakes);
    const changes = TestBed.inject(ChannelStateChanges);
    expect(changes.version()).toBe(0);
    for (const type of ['member.updated', 'notification.channel_mutes_updated', 'user.banned']) {
      fakes.client.emit({ type } as StreamEvent);
    }
    fakes.client.emit({ type: 'message.new' } as StreamEvent);
    expect(changes.version()).toBe(3);
  });
});
