import { TestBed } from '@angular/core/testing';
import type { ReactionResponse } from 'stream-chat';
import { StreamChatFakes, fakeChannel, fakeMessage } from 'ngx-stream-chat/testing';
import { openChannel, provideDemoTesting } from '../testing/demo-test-providers';
import { MessageReactions } from './message-reactions';
import { ReactionSummary } from './reactions';

describe('MessageReactions', () => {
  it('shows a chip per reaction, who reacted on hover or focus, and toggles on click', async () => {
    TestBed.configureTestingModule({ providers: provideDemoTesting({ user: 'alice' }) });
    const fakes = TestBed.inject(StreamChatFakes);
    const message = fakeMessage({
      reaction_groups: { like: { count: 2, sum_scores: 2 } },
      own_reactions: [{ type: 'like' } as ReactionResponse],
      latest_reactions: [
        { type: 'like', user_id: 'bob', user: { id: 'bob', name: 'Bob Nguyen' } },
        { type: 'like', user_id: 'alice', user: { id: 'alice' } },
      ] as ReactionResponse[],
    } as never);
    const general = fakeChannel('general');
    fakes.messages.set([message], { channel: general });
    await openChannel(general);
    const answer = fakes.channels.holdNext('getMessageReactions');
    const fixture = TestBed.createComponent(MessageReactions);
    fixture.componentRef.setInput('message', message);
    fixture.componentRef.setInput('ownUserId', 'alice');
    const toggled: ReactionSummary[] = [];
    fixture.componentInstance.toggled.subscribe((reaction) => toggled.push(reaction));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const chip = element.querySelector<HTMLButtonElement>('[data-testid="reaction-like"]')!;
    expect(chip.textContent?.replace(/\s+/g, '')).toBe('👍2');
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(chip.getAttribute('aria-label')).toBe('Thumbs up: 2 people, including you');
    const tooltip = element.querySelector<HTMLElement>('[role="tooltip"]')!;
    expect(chip.getAttribute('aria-describedby')).toBe(tooltip.id);

    chip.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await fixture.whenStable();
    expect(tooltip.classList.contains('shown')).toBe(true);
    expect(tooltip.textContent?.trim()).toBe('Loading…');
    answer();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(tooltip.textContent?.trim()).toBe('You and Bob Nguyen');
    // Loaded once for the same counts.
    chip.dispatchEvent(new MouseEvent('mouseenter'));
    expect(fakes.channels.calls('getMessageReactions')).toEqual([[message.id]]);
    chip.parentElement!.dispatchEvent(new FocusEvent('focusout'));
    await fixture.whenStable();
    expect(tooltip.classList.contains('shown')).toBe(false);

    chip.click();
    expect(toggled.map((reaction) => [reaction.type, reaction.own])).toEqual([['like', true]]);
  });
});
