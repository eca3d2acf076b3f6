import { TestBed } from '@angular/core/testing';
import { StreamChatFakes, fakeChannel, fakeUser, offlineStreamChat } from 'ngx-stream-chat/testing';
import type { Mute } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { provideDemoTesting } from '../testing/demo-test-providers';
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
    // What reaches for the server, on the client and the channel, the spec answers.
    const record =
      (name: string) =>
      (id: string | string[]): Promise<never> => {
        calls.push(`${name} ${[id].flat().join()}`);
        return Promise.resolve({} as never);
      };
    const client = offlineStreamChat(fakeUser({ id: 'alice' }));
    client.mutedUsers = [{ target: { id: 'carol' } } as Mute];
    jest.spyOn(client, 'muteUser').mockImplementation(record('muteUser'));
    jest.spyOn(client, 'unmuteUser').mockImplementation(record('unmuteUser'));
    jest.spyOn(client, 'queryUsers').mockResolvedValue({
      users: [
        { id: 'alice', name: 'Alice Martin' },
        { id: 'dan', name: 'Dan Ito' },
      ],
    } as Awaited<ReturnType<typeof client.queryUsers>>);
    const channel = fakeChannel('general', {
      capabilities,
      members: [
        { id: 'alice', name: 'Alice Martin' },
        { id: 'bob', name: 'Bob Nguyen', online: true },
        { id: 'carol', name: 'Carol Diaz' },
      ],
    });
    channel.state.members['carol'].banned = true;
    jest.spyOn(channel, 'banUser').mockImplementation(record('banUser'));
    jest.spyOn(channel, 'unbanUser').mockImplementation(record('unbanUser'));
    jest
      .spyOn(channel, 'inviteMembers')
      .mockImplementation((members) => record('inviteMembers')(members as string[]));
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting(),
        { provide: DemoSession, useValue: { report: () => undefined } },
      ],
    });
    TestBed.inject(StreamChatFakes).client.connectAs('alice', { client });
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
