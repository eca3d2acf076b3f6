import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, NgZone, inject } from '@angular/core';
import { ComponentFixtureAutoDetect, TestBed } from '@angular/core/testing';
import { StreamChat } from 'stream-chat';
import { ChatClientService } from 'ngx-stream-chat';
import { EmulatorAdmin, provideStreamChatTesting } from 'ngx-stream-chat/testing';
import { connectPeer, tokenFor, uniqueId } from '../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../jest/emulator-environment';
import { poll } from '../../../stream-chat-emulator/test/poll';

/** Whether this run has zone.js loaded (the zone.js Jest project) or not (zoneless). */
const zoneJsLoaded = 'Zone' in globalThis;

/** Shows the connected user through the signal and through user$ with the async pipe. */
@Component({
  selector: 'stream-user-badge',
  imports: [AsyncPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="name">{{ chat.user()?.name ?? 'nobody' }}</span>
    <span class="unread">{{ (chat.user$ | async)?.total_unread_count ?? '-' }}</span>
    <span class="state">{{ chat.connectionState() }}</span>
  `,
})
class UserBadgeComponent {
  readonly chat = inject(ChatClientService);
}

/**
 * Runs in two Jest projects: zoneless (Angular 21's default) and zone.js. The template must
 * follow connect, unread counts and user switches without any manual change detection.
 */
describe(`ChatClientService rendering (${zoneJsLoaded ? 'zone.js' : 'zoneless'})`, () => {
  const emulator = integrationEmulator();
  const peers: StreamChat[] = [];

  afterEach(async () => {
    await TestBed.inject(ChatClientService).disconnectUser();
    await Promise.all(peers.splice(0).map((peer) => peer.disconnectUser(0)));
  });

  it('re-renders the name, unread count and state on connect, new messages and switches', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideStreamChatTesting(emulator),
        { provide: ComponentFixtureAutoDetect, useValue: true },
      ],
    });
    const fixture = TestBed.createComponent(UserBadgeComponent);
    const text = (selector: string) =>
      (fixture.nativeElement as HTMLElement).querySelector(selector)?.textContent?.trim();
    const chat = TestBed.inject(ChatClientService);
    const zoneKind = TestBed.inject(NgZone).constructor.name;
    expect(zoneKind).toBe(zoneJsLoaded ? 'NgZone' : 'NoopNgZone');
    await poll(() => text('.name') === 'nobody', { description: 'the empty state' });

    const bob = uniqueId('bob');
    const alice = uniqueId('alice');
    await chat.init(emulator.apiKey, { id: bob, name: 'Bob' }, tokenFor(bob));
    await poll(() => text('.name') === 'Bob' && text('.state') === 'online', {
      description: 'Bob online',
    });
    expect(text('.unread')).toBe('0');

    const aliceClient = await connectPeer(alice, 'Alice');
    peers.push(aliceClient);
    const channel = aliceClient.channel('messaging', uniqueId('dm'), { members: [alice, bob] });
    await channel.watch();
    await channel.sendMessage({ text: 'hi Bob' });
    await poll(() => text('.unread') === '1', { description: 'the unread count to render' });

    const carol = uniqueId('carol');
    await chat.disconnectUser();
    await chat.init(emulator.apiKey, { id: carol, name: 'Carol' }, tokenFor(carol));
    await poll(() => text('.name') === 'Carol', { description: 'the switched user to render' });
    expect(text('.unread')).toBe('0');
  });

  it('renders a connect whose token provider never answers, the next connect, and teardown', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideStreamChatTesting(emulator, { tokenProviderTimeoutMs: 300 }),
        { provide: ComponentFixtureAutoDetect, useValue: true },
      ],
    });
    const fixture = TestBed.createComponent(UserBadgeComponent);
    const text = (selector: string) =>
      (fixture.nativeElement as HTMLElement).querySelector(selector)?.textContent?.trim();
    const chat = TestBed.inject(ChatClientService);
    const admin = new EmulatorAdmin(emulator);
    const dan = uniqueId('dan');

    const hanging = chat
      .init(emulator.apiKey, { id: dan, name: 'Dan' }, () => new Promise<string>(() => undefined))
      .catch((e: unknown) => e);
    await poll(() => text('.state') === 'connecting', { description: 'the connecting state' });
    expect(await hanging).toMatchObject({ kind: 'token-provider-failed' });
    await poll(() => text('.state') === 'disconnected', {
      description: 'the state after the timeout',
    });
    expect(text('.name')).toBe('nobody');

    await chat.init(emulator.apiKey, { id: dan, name: 'Dan' }, async () => tokenFor(dan));
    await poll(() => text('.name') === 'Dan' && text('.state') === 'online', {
      description: 'Dan online',
    });

    TestBed.resetTestingModule();
    await poll(async () => (await admin.connectionCount(dan)) === 0, {
      description: 'the socket to close',
    });
  });
});
