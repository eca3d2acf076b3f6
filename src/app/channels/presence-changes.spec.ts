import { TestBed } from '@angular/core/testing';
import type { Event as StreamEvent } from 'stream-chat';
import { FakeChatClientService, provideChatFakes } from '../testing/chat-fakes';
import { PresenceChanges } from './presence-changes';

describe('PresenceChanges', () => {
  it('counts presence, watching and member events, and ignores the rest', () => {
    const chat = new FakeChatClientService();
    TestBed.configureTestingModule({ providers: provideChatFakes(chat) });
    const changes = TestBed.inject(PresenceChanges);
    expect(changes.version()).toBe(0);
    for (const type of ['user.presence.changed', 'message.new', 'user.watching.start']) {
      chat.eventSubject.next({ type } as StreamEvent);
    }
    chat.eventSubject.next({ type: 'member.added' } as StreamEvent);
    expect(changes.version()).toBe(3);
  });
});
