import { TestBed } from '@angular/core/testing';
import { StreamChatFakes, fakeChannel, provideStreamChatFakes } from 'ngx-stream-chat/testing';
import { DemoSession } from '../session/demo-session.service';
import { PendingInvites } from './pending-invites';

const invited = (id: string, name: string) => fakeChannel(id, { name });

describe('PendingInvites and ChannelInvitations', () => {
  let fakes: StreamChatFakes;
  let reports: string[];

  beforeEach(() => {
    reports = [];
    TestBed.configureTestingModule({
      providers: [
        provideStreamChatFakes({ user: 'alice' }),
        {
          provide: DemoSession,
          useValue: { readOnly: () => false, report: (text: string) => reports.push(text) },
        },
      ],
    });
    fakes = TestBed.inject(StreamChatFakes);
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
    const launch = invited('launch', 'Launch plans');
    const ops = invited('ops', 'Ops');
    fakes.client.setPendingInvites([launch, ops]);
    const { fixture, invitations, button } = render();
    await fixture.whenStable();
    expect(invitations()).toEqual(['messaging:launch', 'messaging:ops']);

    button('Accept the invitation to Launch plans').click();
    await fixture.whenStable();
    button('Decline the invitation to Ops').click();
    await fixture.whenStable();
    expect(fakes.calls.map(({ method, args }) => [method, ...args])).toEqual([
      ['acceptInvite', launch],
      ['rejectInvite', ops],
    ]);
    expect(invitations()).toEqual([]);

    // A new invitation arrives.
    fakes.client.setPendingInvites([invited('design', 'Design')]);
    await fixture.whenStable();
    expect(invitations()).toEqual(['messaging:design']);
  });

  it('reports a failed answer and keeps the invitation', async () => {
    fakes.client.setPendingInvites([invited('launch', 'Launch plans')]);
    fakes.client.failNext('acceptInvite');
    const { fixture, invitations, button } = render();
    await fixture.whenStable();
    button('Accept the invitation to Launch plans').click();
    await fixture.whenStable();
    expect(reports).toEqual(['Could not accept the invitation to Launch plans']);
    expect(invitations()).toEqual(['messaging:launch']);
  });
});
