import { TestBed } from '@angular/core/testing';
import type { Channel } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { FakeChatClientService, provideChatFakes } from '../testing/chat-fakes';
import { PendingInvites } from './pending-invites';

const invited = (id: string, name: string) =>
  ({ cid: `messaging:${id}`, id, data: { name } }) as unknown as Channel;

describe('PendingInvites and ChannelInvitations', () => {
  let chat: FakeChatClientService;
  let reports: string[];

  beforeEach(() => {
    chat = new FakeChatClientService();
    reports = [];
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(chat),
        {
          provide: DemoSession,
          useValue: { readOnly: () => false, report: (text: string) => reports.push(text) },
        },
      ],
    });
  });

  function render() {
    const fixture = TestBed.createComponent(PendingInvites);
    const element = fixture.nativeElement as HTMLElement;
    const invitations = () =>
      [...element.querySelectorAll('[data-testid="invitation"]')].map((i) =>
        i.getAttribute('data-cid'),
      );
    const button = (label: string) =>
      [...element.querySelectorAll('button')].find(
        (b) => b.textContent?.replace(/\s+/g, ' ').trim() === label,
      )!;
    return { fixture, invitations, button };
  }

  it("lists the library's pending invitations, accepts one and declines another", async () => {
    chat.pendingInvites.set([invited('launch', 'Launch plans'), invited('ops', 'Ops')]);
    const { fixture, invitations, button } = render();
    await fixture.whenStable();
    expect(invitations()).toEqual(['messaging:launch', 'messaging:ops']);

    button('Accept the invitation to Launch plans').click();
    await fixture.whenStable();
    button('Decline the invitation to Ops').click();
    await fixture.whenStable();
    expect(chat.calls).toEqual([
      ['acceptInvite', 'messaging:launch'],
      ['rejectInvite', 'messaging:ops'],
    ]);
    expect(invitations()).toEqual([]);

    // A new invitation arrives.
    chat.pendingInvites.set([invited('design', 'Design')]);
    await fixture.whenStable();
    expect(invitations()).toEqual(['messaging:design']);
  });

  it('reports a failed answer and keeps the invitation', async () => {
    chat.pendingInvites.set([invited('launch', 'Launch plans')]);
    chat.inviteBehavior = () => Promise.reject(new Error('no pending invitation'));
    const { fixture, invitations, button } = render();
    await fixture.whenStable();
    button('Accept the invitation to Launch plans').click();
    await fixture.whenStable();
    expect(reports).toEqual(['Could not accept the invitation to Launch plans']);
    expect(invitations()).toEqual(['messaging:launch']);
  });
});
