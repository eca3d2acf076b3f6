import { TestBed } from '@angular/core/testing';
import type { Event as StreamEvent } from 'stream-chat';
import { StreamChatFakes } from 'ngx-stream-chat/testing';
import { provideDemoTesting } from '../testing/demo-test-providers';
import { PresenceChanges } from './presence-changes';

describe('PresenceChanges', () => {
  it('counts presence, watching and member events, and ignores the rest', () => {
    TestBed.configureTestingModule({ providers: provideDemoTesting() });
    const fakes = TestBed.inject(StreamChatFakes);
    const changes = TestBed.inject(PresenceChanges);
    expect(changes.version()).toBe(0);
    for (const type of ['user.presence.changed', 'message.new', 'user.watching.start']) {
      fakes.client.emit({ type } as StreamEvent);
    }
    fakes.client.emit({ type: 'member.added' } as StreamEvent);
    expect(changes.version()).toBe(3);
  });
});
