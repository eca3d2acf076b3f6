import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, NgZone, inject } from '@angular/core';
import { ComponentFixtureAutoDetect, TestBed } from '@angular/core/testing';
import type { StreamChat } from 'stream-chat';
import { ChannelService, ChatClientService } from 'ngx-stream-chat';
import { provideStreamChatTesting } from 'ngx-stream-chat/testing';
import { connectPeer, tokenFor, uniqueId } from '../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../jest/emulator-environment';
import { createChannel } from '../../../../jest/peer-channels';
import { poll } from '../../../stream-chat-emulator/test/poll';

const zoneJsLoaded = 'Zone' in globalThis;

/** The channel list through signals, the active channel's messages through the async pipe. */
@Component({
  selector: 'stream-channel-view',
  imports: [AsyncPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="channels">
      @for (channel of channels.channels(); track channel.cid) {
        <li [class.active]="channel === channels.activeChannel()">
          {{ channel.data?.['name'] }}:{{ channels.unreadCount(channel)() }}
        </li>
      } @empty {
        <li>none</li>
      }
    </ul>
    <ol class="messages">
      @for (message of channels.activeChannelMessages$ | async; track message.id) {
        <li>{{ message.text }} ({{ message.status }})</li>
      }
    </ol>
    <p class="typing">{{ channels.usersTypingInChannel().length }}</p>
  `,
})
class ChannelViewComponent {
  readonly channels = inject(ChannelService);
}

/**
 * A zone.js-style component: it copies emissions into plain fields and relies on zone.js to
 * notice, with no signals, async pipe or markForCheck.
 */
@Component({
  selector: 'stream-channel-count',
  template: `<span class="count">{{ count }}</span
    ><span class="last">{{ lastText }}</span>`,
})
class ChannelCountComponent {
  count = 0;
  lastText = '';

  constructor() {
    const channels = inject(ChannelService);
    channels.channels$.subscribe((list) => (this.count = list?.length ?? 0));
    channels.activeChannelMessages$.subscribe(
      (messages) => (this.lastText = messages.at(-1)?.text ?? ''),
    );
  }
}

/**
 * Runs in two Jest projects: zoneless (Angular 21's default) and zone.js. The template must follow
 * the list and the messages as other users write, with no manual change detection.
 */
describe(`ChannelService rendering (${zoneJsLoaded ? 'zone.js' : 'zoneless'})`, () => {
  const emulator = integrationEmulator();
  const peers: StreamChat[] = [];

  afterEach(async () => {
    TestBed.inject(ChannelService).reset();
    await TestBed.inject(ChatClientService).disconnectUser();
    await Promise.all(peers.splice(0).map((peer) => peer.disconnectUser(0)));
  });

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideStreamChatTesting(emulator),
        { provide: ComponentFixtureAutoDetect, useValue: true },
      ],
    });
  });

  it('re-renders the list, unread counts and messages as they change', async () => {
    const fixture = TestBed.createComponent(ChannelViewComponent);
    const items = (selector: string) =>
      Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(`${selector} li`)).map(
        (item) => item.textContent?.trim(),
      );
    const chat = TestBed.inject(ChatClientService);
    const channels = TestBed.inject(ChannelService);
    expect(TestBed.inject(NgZone).constructor.name).toBe(zoneJsLoaded ? 'NgZone' : 'NoopNgZone');
    await poll(() => items('.channels').join() === 'none', { description: 'the empty list' });

    const bob = uniqueId('bob');
    await chat.init(emulator.apiKey, bob, tokenFor(bob));
    const alice = await connectPeer(uniqueId('alice'), 'Alice');
    peers.push(alice);
    const general = await createChannel(alice, [bob], 'general', { name: 'General' });
    await general.sendMessage({ text: 'first' });
    await channels.init({ members: { $in: [bob] } });
    await poll(() => items('.channels').join() === 'General:0', { description: 'the list' });
    await poll(() => items('.messages').join() === 'first (received)', {
      description: 'the messages',
    });

    await general.sendMessage({ text: 'second' });
    await poll(() => items('.messages').join() === 'first (received),second (received)', {
      description: 'a new message',
    });

    const random = await createChannel(alice, [bob], 'random', { name: 'Random' });
    await random.sendMessage({ text: 'over here' });
    await poll(() => items('.channels').join() === 'Random:1,General:0', {
      description: 'a new channel on top with its unread count',
    });

    await channels.sendMessage('from bob');
    await poll(() => items('.messages').at(-1) === 'from bob (received)', {
      description: 'our own message',
    });
    expect(textOf('.typing')).toBe('0');
    await general.keystroke();
    await poll(() => textOf('.typing') === '1', { description: 'alice typing' });

    channels.reset();
    await poll(() => items('.channels').join() === 'none', {
      description: 'the list cleared by reset',
    });
    expect(items('.messages')).toEqual([]);

    function textOf(selector: string): string | undefined {
      return (fixture.nativeElement as HTMLElement).querySelector(selector)?.textContent?.trim();
    }
  });

  // Zoneless apps need signals or the async pipe; zone.js apps may also rely on zone.js alone.
  (zoneJsLoaded ? it : it.skip)('re-renders components that rely on zone.js alone', async () => {
    const fixture = TestBed.createComponent(ChannelCountComponent);
    const textOf = (selector: string) =>
      (fixture.nativeElement as HTMLElement).querySelector(selector)?.textContent?.trim();
    const bob = uniqueId('bob');
    await TestBed.inject(ChatClientService).init(emulator.apiKey, bob, tokenFor(bob));
    const alice = await connectPeer(uniqueId('alice'), 'Alice');
    peers.push(alice);
    const channel = await createChannel(alice, [bob], 'zone');
    await TestBed.inject(ChannelService).init({ members: { $in: [bob] } });
    await poll(() => textOf('.count') === '1', { description: 'the channel count' });

    await channel.sendMessage({ text: 'noticed by zone.js' });
    await poll(() => textOf('.last') === 'noticed by zone.js', { description: 'the new message' });
  });
});
