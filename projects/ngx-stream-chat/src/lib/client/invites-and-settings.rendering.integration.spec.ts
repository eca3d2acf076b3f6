import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ComponentFixtureAutoDetect, TestBed } from '@angular/core/testing';
import type { ChannelData, StreamChat } from 'stream-chat';
import { ChatClientService } from 'ngx-stream-chat';
import { provideStreamChatTesting } from 'ngx-stream-chat/testing';
import { connectPeer, tokenFor, uniqueId } from '../../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../../jest/emulator-environment';
import { poll } from '../../../../stream-chat-emulator/test/poll';

/** Whether this run has zone.js loaded (the zone.js Jest project) or not (zoneless). */
const zoneJsLoaded = 'Zone' in globalThis;

/** Shows the pending invitations through the signal, and the app's name through `appSettings$`. */
@Component({
  selector: 'stream-invites-badge',
  imports: [AsyncPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="invites">{{ chat.pendingInvites().length }}</span>
    <span class="app">{{ (chat.appSettings$ | async)?.name ?? 'unknown' }}</span>
    <span class="app-signal">{{ chat.appSettings()?.organization ?? '-' }}</span>
  `,
})
class InvitesBadgeComponent {
  readonly chat = inject(ChatClientService);
}

/** Runs zoneless and with zone.js: the template follows invitations and settings by itself. */
describe(`ChatClientService invitations and app settings rendering (${zoneJsLoaded ? 'zone.js' : 'zoneless'})`, () => {
  const emulator = integrationEmulator();
  const peers: StreamChat[] = [];

  afterEach(async () => {
    await TestBed.inject(ChatClientService).disconnectUser();
    await Promise.all(peers.splice(0).map((peer) => peer.disconnectUser(0)));
  });

  it('re-renders when an invitation arrives, is accepted, and when the settings load', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideStreamChatTesting(emulator),
        { provide: ComponentFixtureAutoDetect, useValue: true },
      ],
    });
    const fixture = TestBed.createComponent(InvitesBadgeComponent);
    const text = (selector: string) =>
      (fixture.nativeElement as HTMLElement).querySelector(selector)?.textContent?.trim();
    const chat = TestBed.inject(ChatClientService);
    await poll(() => text('.invites') === '0' && text('.app') === 'unknown', {
      description: 'the empty state',
    });

    const bob = uniqueId('bob');
    await chat.init(bob, tokenFor(bob), { trackPendingChannelInvites: true });
    await chat.getAppSettings();
    await poll(() => text('.app') === 'stream-chat-emulator' && text('.app-signal') === 'local', {
      description: 'the app settings to render',
    });

    const alice = await connectPeer(uniqueId('alice'), 'Alice');
    peers.push(alice);
    const channel = alice.channel('messaging', uniqueId('invite'), {
      members: [alice.userID as string],
    } as ChannelData);
    await channel.watch();
    await channel.inviteMembers([bob]);
    await poll(() => text('.invites') === '1', { description: 'the invitation to render' });

    await chat.acceptInvite(chat.pendingInvites()[0]);
    await poll(() => text('.invites') === '0', { description: 'the accepted invitation to go' });
  });
});
