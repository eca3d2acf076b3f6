import { TestBed } from '@angular/core/testing';
import { ChannelService, StreamChatError } from 'ngx-stream-chat';
import { StreamChatFakes, fakeChannel } from 'ngx-stream-chat/testing';
import { DemoSession } from '../session/demo-session.service';
import { provideDemoTesting } from '../testing/demo-test-providers';
import { ChannelList } from './channel-list';

describe('ChannelList', () => {
  let fakes: StreamChatFakes;

  async function render() {
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting({ user: 'alice' }),
        {
          provide: DemoSession,
          useValue: { report: () => undefined, readOnly: () => false, choice: () => undefined },
        },
      ],
    });
    fakes = TestBed.inject(StreamChatFakes);
    const fixture = TestBed.createComponent(ChannelList);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('says it is loading, then lists the channels in order', async () => {
    const { fixture, element } = await render();
    fakes.channels.set([fakeChannel('b', { name: 'B' }), fakeChannel('a', { name: 'A' })]);
    TestBed.inject(ChannelService).reset();
    const release = fakes.channels.holdNext('init');
    const listed = TestBed.inject(ChannelService).init({}, undefined, {
      activateFirstChannel: false,
    });
    await fixture.whenStable();
    expect(element.textContent).toContain('Loading channels…');

    release();
    await listed;
    await fixture.whenStable();
    expect([...element.querySelectorAll('.name')].map((name) => name.textContent)).toEqual([
      'B',
      'A',
    ]);
  });

  it('opens the channel picked', async () => {
    const { fixture, element } = await render();
    const general = fakeChannel('general', { name: 'General' });
    fakes.channels.set([general]);
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('demo-channel-list-item button')!.click();
    await fixture.whenStable();
    expect(fakes.calls.map(({ method, args }) => [method, ...args])).toEqual([
      ['setAsActiveChannel', general],
    ]);
    expect(element.querySelector('[aria-current="true"]')).not.toBeNull();
  });

  it('loads more channels when there are more', async () => {
    const { fixture, element } = await render();
    fakes.channels.set([fakeChannel('general')], { hasMore: true });
    fakes.channels.queueNextPage([fakeChannel('random', { name: 'Random' })]);
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('button.more')!.click();
    await fixture.whenStable();
    expect(fakes.calls.map(({ method }) => method)).toEqual(['loadMoreChannels']);
    expect(element.textContent).toContain('Random');
  });

  it('says when there are no channels, and when the query failed', async () => {
    const { fixture, element } = await render();
    fakes.channels.set([]);
    fakes.channels.failNext('init', new StreamChatError('network', 'offline'));
    await TestBed.inject(ChannelService)
      .init({})
      .catch(() => undefined);
    await fixture.whenStable();
    expect(element.textContent).toContain('No channels yet.');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Channels could not be loaded: ngx-stream-chat: offline',
    );
  });
});
