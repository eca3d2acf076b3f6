import { TestBed } from '@angular/core/testing';
import type { ReactionResponse } from 'stream-chat';
import { FakeChannelService, chatMessage, provideChatFakes } from '../testing/chat-fakes';
import { MessageReactions } from './message-reactions';
import { ReactionSummary } from './reactions';

describe('MessageReactions', () => {
  it('shows a chip per reaction, who reacted on hover or focus, and toggles on click', async () => {
    const channels = new FakeChannelService();
    let answer!: (reactions: ReactionResponse[]) => void;
    channels.reactionsBehavior = () => new Promise((resolve) => (answer = resolve));
    TestBed.configureTestingModule({ providers: provideChatFakes(undefined, channels) });
    const fixture = TestBed.createComponent(MessageReactions);
    fixture.componentRef.setInput(
      'message',
      chatMessage({
        reaction_groups: { like: { count: 2, sum_scores: 2 } },
        own_reactions: [{ type: 'like' } as ReactionResponse],
      } as never),
    );
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
    answer([
      { type: 'like', user_id: 'alice', user: { id: 'alice' } },
      { type: 'like', user_id: 'bob', user: { id: 'bob', name: 'Bob Nguyen' } },
    ] as ReactionResponse[]);
    await Promise.resolve();
    await fixture.whenStable();
    expect(tooltip.textContent?.trim()).toBe('You and Bob Nguyen');
    // Loaded once for the same counts.
    chip.dispatchEvent(new MouseEvent('mouseenter'));
    expect(channels.calls.filter(([method]) => method === 'getMessageReactions')).toHaveLength(1);
    chip.parentElement!.dispatchEvent(new FocusEvent('focusout'));
    await fixture.whenStable();
    expect(tooltip.classList.contains('shown')).toBe(false);

    chip.click();
    expect(toggled.map((reaction) => [reaction.type, reaction.own])).toEqual([['like', true]]);
  });
});
