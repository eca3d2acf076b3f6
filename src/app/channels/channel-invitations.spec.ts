import { TestBed } from '@angular/core/testing';
import type { Channel, Event as StreamEvent } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import {
  FakeChannelService,
  FakeChatClientService,
  chatUser,
  provideChatFakes,
} from '../testing/chat-fakes';
import { PendingInvites } from './pending-invites';

describe('PendingInvites and ChannelInvitations', () => {
  it('lists pending invitations, accepts one into the list and declines another', async () => {
    const calls: string[] = [];
    const invited = (id: string, name: string) =>
      ({
        cid: `messaging:${id}`,
        id,
        data: { name },
        acceptInvite: () => {
          calls.push(`accept ${id}`);
          return Promise.resolve({});
        },
        rejectInvite: () => {
          calls.push(`reject ${id}`);
          return Promise.resolve({});
        },
      }) as unknown as Channel;
    let pending = [invited('launch', 'Launch plans'), invited('ops', 'Ops')];
    const queries: unknown[] = [];
    const chat = new FakeChatClientService();
    chat.chatClient = {
      user: { id: 'bob' },
      queryChannels: (filters: unknown) => {
        queries.push(filters);
        return Promise.resolve(pending);
      },
    } as unknown as FakeChatClientService['chatClient'];
    const channels = new FakeChannelService();
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(chat, channels),
        { provide: DemoSession, useValue: { readOnly: () => false, report: () => undefined } },
      ],
    });
    const fixture = TestBed.createComponent(PendingInvites);
    chat.userState.set(chatUser({ id: 'bob' }));
    await fixture.whenStable();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const invitations = () =>
      [...element.querySelectorAll('[data-testid="invitation"]')].map((i) =>
        i.getAttribute('data-cid'),
      );
    expect(queries).toEqual([{ invite: 'pending', members: { $in: ['bob'] } }]);
    expect(invitations()).toEqual(['messaging:launch', 'messaging:ops']);

    const button = (label: string) =>
      [...element.querySelectorAll('button')].find(
        (b) => b.textContent?.replace(/\s+/g, ' ').trim() === label,
      )!;
    button('Accept the invitation to Launch plans').click();
    await fixture.whenStable();
    button('Decline the invitation to Ops').click();
    await fixture.whenStable();
    expect(calls).toEqual(['accept launch', 'reject ops']);
    expect(channels.calls).toEqual([['addChannel', 'messaging:launch']]);
    expect(invitations()).toEqual([]);

    // A new invitation arrives.
    pending = [invited('design', 'Design')];
    chat.eventSubject.next({ type: 'notification.invited' } as StreamEvent);
    await fixture.whenStable();
    await fixture.whenStable();
    expect(invitations()).toEqual(['messaging:design']);
  });
});
