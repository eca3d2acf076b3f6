import { TestBed } from '@angular/core/testing';
import { DemoSession } from '../session/demo-session.service';
import { FakeChannelService, provideChatFakes } from '../testing/chat-fakes';
import { Composer } from './composer';

describe('Composer', () => {
  let channels: FakeChannelService;
  let reports: string[];

  async function render(disabledReason?: string) {
    channels = new FakeChannelService();
    reports = [];
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(undefined, channels),
        { provide: DemoSession, useValue: { report: (title: string) => reports.push(title) } },
      ],
    });
    const fixture = TestBed.createComponent(Composer);
    fixture.componentRef.setInput('channelName', 'General');
    fixture.componentRef.setInput('disabledReason', disabledReason);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const textarea = element.querySelector('textarea')!;
    const type = async (text: string) => {
      textarea.value = text;
      textarea.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const press = async (key: string, init: KeyboardEventInit = {}) => {
      const event = new KeyboardEvent('keydown', { key, cancelable: true, ...init });
      textarea.dispatchEvent(event);
      await fixture.whenStable();
      return event;
    };
    return { fixture, element, textarea, type, press };
  }

  it('is labelled with the channel name', async () => {
    const { element, textarea } = await render();
    expect(element.querySelector(`label[for="${textarea.id}"]`)?.textContent).toBe(
      'Message General',
    );
  });

  it('tells the others while typing, and sends with Enter', async () => {
    const { textarea, type, press } = await render();
    await type('Hi');
    expect(channels.calls).toEqual([['typingStarted']]);
    const enter = await press('Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(channels.calls).toEqual([['typingStarted'], ['typingStopped'], ['sendMessage', 'Hi']]);
    expect(textarea.value).toBe('');
  });

  it('adds a line with Shift+Enter, and sends nothing blank', async () => {
    const { type, press } = await render();
    await type('Hi');
    const shiftEnter = await press('Enter', { shiftKey: true });
    expect(shiftEnter.defaultPrevented).toBe(false);
    await type('   ');
    await press('Enter');
    expect(channels.calls.filter(([method]) => method === 'sendMessage')).toEqual([]);
    expect(channels.calls.at(-1)).toEqual(['typingStopped']);
  });

  it('sends with the button too', async () => {
    const { element, type, fixture } = await render();
    await type('Hello');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
    expect(channels.calls.at(-1)).toEqual(['sendMessage', 'Hello']);
  });

  it('reports a send that throws', async () => {
    const { type, press } = await render();
    channels.sendBehavior = () => Promise.reject(new Error('no active channel'));
    await type('Hi');
    await press('Enter');
    await Promise.resolve();
    expect(reports).toEqual(['Could not send the message']);
  });

  it('is disabled, and says why, when the user may not write', async () => {
    const { element, textarea, press } = await render('Anonymous users can read but not write.');
    expect(textarea.disabled).toBe(true);
    expect(element.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);
    const reason = element.querySelector('[data-testid="composer-disabled-reason"]');
    expect(reason?.textContent?.trim()).toBe('Anonymous users can read but not write.');
    expect(textarea.getAttribute('aria-describedby')).toBe(reason?.id);
    await press('Enter');
    expect(channels.calls).toEqual([]);
  });
});
