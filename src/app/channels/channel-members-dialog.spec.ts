import { TestBed } from '@angular/core/testing';
import type { Channel } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { FakeChatClientService, chatUser, provideChatFakes } from '../testing/chat-fakes';
import { ChannelMembersDialog } from './channel-members-dialog';

describe('ChannelMembersDialog', () => {
  beforeAll(() => {
    // jsdom's <dialog> has no modal mode.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
  });

  async function render(capabilities: string[]) {
    const calls: string[] = [];
    const record = (name: string) => (id: string) => {
      calls.push(`${name} ${id}`);
      return Promise.resolve({});
    };
    const chat = new FakeChatClientService();
    chat.userState.set(chatUser({ id: 'alice' }));
    chat.chatClient = {
      user: { id: 'alice' },
      mutedUsers: [{ target: { id: 'carol' } }],
      muteUser: record('muteUser'),
      unmuteUser: record('unmuteUser'),
      queryUsers: () =>
        Promise.resolve({
          users: [
            { id: 'alice', name: 'Alice Martin' },
            { id: 'dan', name: 'Dan Ito' },
          ],
        }),
    } as unknown as FakeChatClientService['chatClient'];
    const channel = {
      data: { own_capabilities: capabilities },
      state: {
        members: {
          alice: { user: { id: 'alice', name: 'Alice Martin' } },
          bob: { user: { id: 'bob', name: 'Bob Nguyen', online: true } },
          carol: { user: { id: 'carol', name: 'Carol Diaz' }, banned: true },
        },
      },
      banUser: record('banUser'),
      unbanUser: record('unbanUser'),
      inviteMembers: (ids: string[]) => record('inviteMembers')(ids.join()),
    } as unknown as Channel;
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(chat),
        { provide: DemoSession, useValue: { report: () => undefined } },
      ],
    });
    const fixture = TestBed.createComponent(ChannelMembersDialog);
    fixture.componentRef.setInput('channel', channel);
    await fixture.whenStable();
    fixture.componentInstance.show();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const button = (label: string) =>
      [...element.querySelectorAll('button')].find(
        (b) => b.textContent?.replace(/\s+/g, ' ').trim() === label,
      );
    return { fixture, element, calls, button };
  }

  it('lists the members with their state, and mutes or unmutes the others', async () => {
    const { fixture, element, calls, button } = await render([]);
    const rows = [...element.querySelectorAll('[data-testid="member-row"]')];
    expect(rows.map((row) => row.getAttribute('data-user-id'))).toEqual(['alice', 'bob', 'carol']);
    expect(rows[0].textContent).toContain('Alice Martin (you)');
    expect(rows[2].querySelector('[data-testid="member-banned"]')).not.toBeNull();
    expect(rows[2].textContent).toContain('Muted');
    expect(button('Ban Bob Nguyen')).toBeUndefined();
    button('Mute Bob Nguyen')!.click();
    button('Unmute Carol Diaz')!.click();
    await fixture.whenStable();
    expect(calls).toEqual(['muteUser bob', 'unmuteUser carol']);
  });

  it('bans and unbans with ban-channel-members, and invites with update-channel-members', async () => {
    const { fixture, calls, button } = await render([
      'ban-channel-members',
      'update-channel-members',
    ]);
    button('Ban Bob Nguyen')!.click();
    button('Unban Carol Diaz')!.click();
    await fixture.whenStable();
    expect(button('Invite Alice Martin')).toBeUndefined();
    button('Invite Dan Ito')!.click();
    await fixture.whenStable();
    expect(calls).toEqual(['banUser bob', 'unbanUser carol', 'inviteMembers dan']);
    expect(button('Invite Dan Ito')).toBeUndefined();
  });
});
