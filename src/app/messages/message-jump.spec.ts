import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FakeChannelService, provideChatFakes } from '../testing/chat-fakes';
import { JUMP_HIGHLIGHT_MS, MessageJump } from './message-jump';

@Component({
  imports: [MessageJump],
  template: `<div demoMessageJump>
    <p data-message-id="m1">one</p>
    <p data-message-id="m2">two</p>
  </div>`,
})
class Host {}

describe('MessageJump', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('scrolls to the message jumped to, highlights it, then forgets the jump', async () => {
    const channels = new FakeChannelService();
    TestBed.configureTestingModule({ providers: provideChatFakes(undefined, channels) });
    const fixture = TestBed.createComponent(Host);
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.getAttribute('data-message-id')!);
    };
    fixture.detectChanges();
    await channels.jumpToMessage('m2');
    fixture.detectChanges();
    jest.advanceTimersByTime(50);
    const target = (fixture.nativeElement as HTMLElement).querySelector('[data-message-id="m2"]')!;
    expect(scrolled).toEqual(['m2']);
    expect(target.hasAttribute('data-jump-target')).toBe(true);

    jest.advanceTimersByTime(JUMP_HIGHLIGHT_MS);
    expect(target.hasAttribute('data-jump-target')).toBe(false);
    expect(channels.calls.at(-1)).toEqual(['clearMessageJump']);
  });
});
