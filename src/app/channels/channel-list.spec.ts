import { TestBed } from '@angular/core/testing';
import { DemoSession } from '../session/demo-session.service';
import { FakeChannelService, fakeChannel, provideChatFakes } from '../testing/chat-fakes';
import { ChannelList } from './channel-list';

describe('ChannelList', () => {
  let channels: FakeChannelService;

  async function render() {
    channels = new FakeChannelService();
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(undefined, channels),
        {
          provide: DemoSession,
          useValue: { report: () => undefined, readOnly: () => false, choice: () => undefined },
        },
      ],
    });
    const fixture = TestBed.createComponent(ChannelList);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('says it is loading, then lists the channels in order', async () => {
    const { fixture, element } = await render();
    channels.channelQueryState.set({ state: 'in-progress' });
    await fixture.whenStable();
    expect(element.textContent).toContain('Loading channels…');

    channels.channels.set([fakeChannel('b', { name: 'B' }), fakeChannel('a', { name: 'A' })]);
    channels.channelQueryState.set({ state: 'success' });
    await fixture.whenStable();
    expect([...element.querySelectorAll('.name')].map((name) => name.textContent)).toEqual([
      'B',
      'A',
    ]);
  });

  it('opens the channel picked', async () => {
    const { fixture, element } = await render();
    channels.channels.set([fakeChannel('general', { name: 'General' })]);
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('demo-channel-list-item button')!.click();
    await fixture.whenStable();
    expect(channels.calls).toEqual([['setAsActiveChannel', 'messaging:general']]);
    expect(element.querySelector('[aria-current="true"]')).not.toBeNull();
  });

  it('loads more channels when there are more', async () => {
    const { fixture, element } = await render();
    channels.channels.set([fakeChannel('general')]);
    channels.hasMoreChannels.set(true);
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('button.more')!.click();
    expect(channels.calls).toEqual([['loadMoreChannels']]);
  });

  it('says when there are no channels, and when the query failed', async () => {
    const { fixture, element } = await render();
    channels.channels.set([]);
    channels.channelQueryState.set({ state: 'error', error: new Error('offline') });
    await fixture.whenStable();
    expect(element.textContent).toContain('No channels yet.');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Channels could not be loaded: offline',
    );
  });
});
