import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ChatMessage } from 'ngx-stream-chat';
import { StreamChatFakes, fakeChannel, fakeMessage } from 'ngx-stream-chat/testing';
import { DemoSession } from '../session/demo-session.service';
import { Clock } from '../shared/clock';
import { openChannel, provideDemoTesting } from '../testing/demo-test-providers';
import { MessageList } from './message-list';

/** Scroll metrics for the list's scroller, which jsdom does not lay out. */
interface Metrics {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

describe('MessageList', () => {
  let fakes: StreamChatFakes;
  let reports: string[];
  const now = signal(new Date(2026, 4, 2, 12, 0));

  function message(id: string, userId: string, minute: number, extra: Partial<ChatMessage> = {}) {
    return fakeMessage({
      id,
      text: `Message ${id}`,
      user: { id: userId, name: userId === 'alice' ? 'Alice' : 'Bob' },
      created_at: new Date(2026, 4, 2, 9, minute),
      ...extra,
    });
  }

  async function render(
    options: { canWrite?: boolean; channel?: ReturnType<typeof fakeChannel> } = {},
  ) {
    reports = [];
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting({ user: 'alice' }),
        { provide: Clock, useValue: { now } },
        { provide: DemoSession, useValue: { report: (title: string) => reports.push(title) } },
      ],
    });
    fakes = await openChannel(options.channel ?? fakeChannel('general'));
    const fixture = TestBed.createComponent(MessageList);
    fixture.componentRef.setInput('channelName', 'General');
    fixture.componentRef.setInput('canWrite', options.canWrite ?? true);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, element, scroller: element.querySelector<HTMLElement>('[role="log"]')! };
  }

  /** Gives the scroller a layout: `metrics` can be changed later by the spec. */
  function layout(scroller: HTMLElement, metrics: Metrics): Metrics {
    Object.defineProperty(scroller, 'scrollHeight', { get: () => metrics.scrollHeight });
    Object.defineProperty(scroller, 'clientHeight', { get: () => metrics.clientHeight });
    Object.defineProperty(scroller, 'scrollTop', {
      get: () => metrics.scrollTop,
      set: (value: number) =>
        (metrics.scrollTop = Math.max(
          0,
          Math.min(value, metrics.scrollHeight - metrics.clientHeight),
        )),
    });
    return metrics;
  }

  function texts(element: HTMLElement): string[] {
    return [...element.querySelectorAll('li')].map((li) => {
      const separator = li.querySelector('demo-list-separator');
      if (separator) {
        return `-- ${separator.getAttribute('aria-label')} --`;
      }
      const sender = li.querySelector('[data-testid="message-sender"]')?.textContent;
      const text = li.querySelector('[data-testid="message-text"]')?.textContent?.trim();
      return sender ? `${sender}: ${text}` : `  ${text}`;
    });
  }

  it('says so when the channel is empty, inviting those who may write', async () => {
    const { fixture, element } = await render();
    expect(element.querySelector('[data-testid="empty-channel"]')?.textContent).toContain(
      'Say hello',
    );
    fixture.componentRef.setInput('canWrite', false);
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="empty-channel"]')?.textContent).toContain(
      'Nobody has written here yet.',
    );
  });

  it('groups messages by author under a day separator, in a labelled log, yours set apart', async () => {
    const { fixture, element } = await render();
    fakes.messages.set([message('1', 'bob', 0), message('2', 'bob', 1), message('3', 'alice', 2)]);
    await fixture.whenStable();

    expect(element.querySelector('[role="log"]')?.getAttribute('aria-label')).toBe(
      'Messages in General',
    );
    expect(texts(element)).toEqual([
      '-- Today --',
      'Bob: Message 1',
      '  Message 2',
      'You: Message 3',
    ]);
    const items = [...element.querySelectorAll('demo-message-item')];
    expect(items.map((item) => item.classList.contains('own'))).toEqual([false, false, true]);
    expect(element.querySelector('[data-testid="channel-start"]')?.textContent).toContain(
      'This is the start of General.',
    );
    expect(element.querySelector('[data-testid="empty-channel"]')).toBeNull();
  });

  it('marks where the unread messages start, and keeps the mark once the channel is read', async () => {
    const channel = fakeChannel('general', { read: { alice: new Date(2026, 4, 2, 9, 1, 30) } });
    const { fixture, element } = await render({ channel });
    fakes.messages.set([message('1', 'bob', 0), message('2', 'bob', 1), message('3', 'bob', 2)]);
    await fixture.whenStable();
    expect(texts(element)).toEqual([
      '-- Today --',
      'Bob: Message 1',
      '  Message 2',
      '-- New messages --',
      'Bob: Message 3',
    ]);

    channel.state.read['alice'].last_read = new Date(2026, 4, 2, 9, 2, 30);
    fakes.messages.receive(message('4', 'bob', 3));
    await fixture.whenStable();
    expect(texts(element)).toContain('-- New messages --');

    await openChannel(fakeChannel('random', { read: { alice: new Date(2030, 0, 1) } }));
    await fixture.whenStable();
    expect(texts(element)).not.toContain('-- New messages --');
  });

  it('follows new messages while the reader is at the bottom', async () => {
    const { fixture, element, scroller } = await render();
    const metrics = layout(scroller, { scrollTop: 0, scrollHeight: 1000, clientHeight: 400 });
    fakes.messages.set([message('1', 'bob', 0)]);
    await fixture.whenStable();
    expect(metrics.scrollTop).toBe(600);

    metrics.scrollHeight = 1100;
    fakes.messages.receive(message('2', 'bob', 1));
    await fixture.whenStable();
    expect(metrics.scrollTop).toBe(700);
    expect(element.querySelector('demo-new-messages-pill')).toBeNull();
  });

  it('counts new messages in a pill while the reader is scrolled up, and jumps down on request', async () => {
    const { fixture, element, scroller } = await render();
    const metrics = layout(scroller, { scrollTop: 0, scrollHeight: 3000, clientHeight: 400 });
    fakes.messages.set([message('1', 'bob', 0)]);
    await fixture.whenStable();
    metrics.scrollTop = 1000;
    scroller.dispatchEvent(new Event('scroll'));
    await fixture.whenStable();
    const pill = () =>
      element.querySelector<HTMLButtonElement>('[data-testid="new-messages-pill"]');
    expect(pill()?.textContent?.trim()).toBe('Jump to latest');

    metrics.scrollHeight = 3200;
    fakes.messages.receive(message('2', 'bob', 1));
    fakes.messages.receive(message('3', 'bob', 2));
    await fixture.whenStable();
    expect(metrics.scrollTop).toBe(1000);
    expect(pill()?.textContent?.trim()).toBe('2 new messages');

    pill()!.click();
    await fixture.whenStable();
    expect(metrics.scrollTop).toBe(2800);
    expect(pill()).toBeNull();
    expect(document.activeElement).toBe(scroller);
  });

  it('loads older messages when the reader nears the top, keeping their place', async () => {
    const { fixture, scroller } = await render();
    const metrics = layout(scroller, { scrollTop: 0, scrollHeight: 1000, clientHeight: 400 });
    fakes.channels.setPaging({ hasMoreMessages: true });
    fakes.messages.set([message('5', 'bob', 5), message('6', 'bob', 6)]);
    fakes.messages.queuePage([message('4', 'bob', 4)]);
    await fixture.whenStable();
    expect(fakes.calls).toEqual([]);

    const release = fakes.channels.holdNext('loadMoreMessages');
    metrics.scrollTop = 100;
    scroller.dispatchEvent(new Event('scroll'));
    expect(fakes.calls.map(({ method, args }) => [method, ...args])).toEqual([
      ['loadMoreMessages'],
    ]);
    metrics.scrollHeight = 1600;
    release();
    await fixture.whenStable();
    expect(fakes.messages.of().map((m) => m.id)).toEqual(['4', '5', '6']);
    expect(metrics.scrollTop).toBe(700);
  });

  it('fills a window the first page does not, and stops trying after a failure', async () => {
    const { fixture } = await render();
    fakes.channels.failNext('loadMoreMessages');
    fakes.channels.setPaging({ hasMoreMessages: true });
    fakes.messages.set([message('1', 'bob', 0)]);
    await fixture.whenStable();
    fakes.messages.receive(message('2', 'bob', 1));
    await fixture.whenStable();
    expect(fakes.channels.calls('loadMoreMessages')).toHaveLength(1);
    expect(reports).toEqual(['Could not load older messages']);
  });

  it('loads older messages with the button too', async () => {
    const { fixture, element, scroller } = await render();
    layout(scroller, { scrollTop: 600, scrollHeight: 1000, clientHeight: 400 });
    fakes.channels.setPaging({ hasMoreMessages: true });
    fakes.messages.set([message('1', 'bob', 0)]);
    fakes.messages.queuePage([message('0', 'bob', 0)]);
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('button.older')!.click();
    await fixture.whenStable();
    expect(fakes.calls.map(({ method, args }) => [method, ...args])).toEqual([
      ['loadMoreMessages'],
    ]);
    expect(fakes.messages.of().map((m) => m.id)).toEqual(['0', '1']);
  });

  it('resends a failed message', async () => {
    const { fixture, element } = await render();
    fakes.messages.set([message('f', 'alice', 0, { status: 'failed' })]);
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('button.retry')!.click();
    await fixture.whenStable();
    expect(fakes.channels.calls('resendMessage')).toEqual([[expect.objectContaining({ id: 'f' })]]);
    expect(fakes.messages.of()[0].status).toBe('received');
  });
});
