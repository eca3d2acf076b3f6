import { TestBed } from '@angular/core/testing';
import { fakeChannel } from 'ngx-stream-chat/testing';
import type { ChannelMemberResponse } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { provideDemoTesting } from '../testing/demo-test-providers';
import { ChannelMenu } from './channel-menu';

describe('ChannelMenu', () => {
  async function render() {
    const calls: string[] = [];
    const channel = fakeChannel('general', {
      capabilities: ['mute-channel', 'set-channel-cooldown'],
      data: { cooldown: 0 },
    });
    channel.state.membership = { user_id: 'alice' } as ChannelMemberResponse;
    // The channel's own calls reach for the server: the spec answers them.
    jest.spyOn(channel, 'mute').mockImplementation(() => {
      calls.push('mute');
      return Promise.resolve({} as Awaited<ReturnType<typeof channel.mute>>);
    });
    jest.spyOn(channel, 'enableSlowMode').mockImplementation((seconds: number) => {
      calls.push(`slow ${seconds}`);
      return Promise.resolve({} as Awaited<ReturnType<typeof channel.enableSlowMode>>);
    });
    const reports: string[] = [];
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting({ user: 'alice' }),
        {
          provide: DemoSession,
          useValue: { readOnly: () => false, report: (title: string) => reports.push(title) },
        },
      ],
    });
    const fixture = TestBed.createComponent(ChannelMenu);
    fixture.componentRef.setInput('channel', channel);
    await fixture.whenStable();
    document.body.appendChild(fixture.nativeElement);
    const element = fixture.nativeElement as HTMLElement;
    const toggle = element.querySelector<HTMLButtonElement>('[aria-label="Channel options"]')!;
    return { fixture, element, toggle, calls, reports };
  }

  it('opens a labelled menu with the channel actions and slow-mode choices', async () => {
    const { fixture, element, toggle } = await render();
    expect(toggle.getAttribute('aria-haspopup')).toBe('menu');
    toggle.click();
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const items = [...element.querySelectorAll('[role^="menuitem"]')];
    expect(items.map((item) => item.textContent?.trim())).toEqual([
      'Members…',
      'Mute channel',
      'Pin channel',
      'Archive channel',
      '✓ Slow mode off',
      'Slow mode: 10 s',
      'Slow mode: 30 s',
      'Slow mode: 1 min',
    ]);
    expect(items[4].getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(items[0]);
  });

  it('moves with the arrow keys, closes with Escape and gives the focus back', async () => {
    const { fixture, element, toggle } = await render();
    toggle.click();
    await fixture.whenStable();
    const menu = element.querySelector<HTMLElement>('[role="menu"]')!;
    const key = (k: string) =>
      menu.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowDown');
    expect(document.activeElement?.textContent?.trim()).toBe('Mute channel');
    key('End');
    expect(document.activeElement?.textContent?.trim()).toBe('Slow mode: 1 min');
    key('ArrowDown');
    expect(document.activeElement?.textContent?.trim()).toBe('Members…');
    key('Escape');
    await fixture.whenStable();
    expect(element.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('runs the action picked', async () => {
    const { fixture, element, toggle, calls } = await render();
    toggle.click();
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-action="mute"]')!.click();
    await fixture.whenStable();
    expect(calls).toEqual(['mute']);
    expect(element.querySelector('[role="menu"]')).toBeNull();
    toggle.click();
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-action="slow-mode-30"]')!.click();
    await fixture.whenStable();
    expect(calls).toEqual(['mute', 'slow 30']);
  });
});
