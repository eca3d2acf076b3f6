import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { ChannelService, ChatMessage } from 'ngx-stream-chat';
import type { ReactionResponse } from 'stream-chat';
import { ReactionSummary, reactionSummaries, reactorNames } from './reactions';

/** Who reacted to a message, as loaded for one state of its counts. */
interface Reactors {
  /** The counts the list was loaded for (reloaded when they change). */
  key: string;
  reactions: ReactionResponse[] | 'loading' | 'failed';
}

/**
 * The reactions under a message: one chip per type with its count, pressed when the user chose
 * it (a click adds or removes theirs). Hovering or focusing a chip shows who reacted, loaded with
 * `getMessageReactions()`.
 */
@Component({
  selector: 'demo-message-reactions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="chips" aria-label="Reactions">
      @for (reaction of summaries(); track reaction.type) {
        <li
          (mouseenter)="show(reaction.type)"
          (mouseleave)="hide(reaction.type)"
          (focusin)="show(reaction.type)"
          (focusout)="hide(reaction.type)"
        >
          <button
            type="button"
            class="chip"
            [attr.data-testid]="'reaction-' + reaction.type"
            [attr.aria-pressed]="reaction.own"
            [attr.aria-label]="chipLabel(reaction)"
            [attr.aria-describedby]="tooltipId(reaction.type)"
            [disabled]="!canReact()"
            (click)="toggled.emit(reaction)"
          >
            <span aria-hidden="true">{{ reaction.emoji }}</span>
            <span class="count" aria-hidden="true">{{ reaction.count }}</span>
          </button>
          <span
            class="tooltip"
            role="tooltip"
            [id]="tooltipId(reaction.type)"
            [class.shown]="shownType() === reaction.type"
            [attr.data-testid]="'reactors-' + reaction.type"
            >{{ who(reaction.type) }}</span
          >
        </li>
      }
    </ul>
  `,
  styles: `
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-1);
      margin: 2px 0 0;
      padding: 0;
      list-style: none;
    }
    li {
      position: relative;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-height: 28px;
      padding: 0 var(--space-2);
      border: 1px solid var(--border);
      border-radius: var(--radius-pill);
      background: var(--surface);
      color: var(--text);
      font: inherit;
      font-size: var(--text-sm);
      cursor: pointer;
    }
    .chip[aria-pressed='true'] {
      border-color: var(--accent);
      background: var(--accent-surface);
    }
    .chip:disabled {
      cursor: default;
    }
    .count {
      font-weight: 600;
    }
    .tooltip {
      position: absolute;
      bottom: calc(100% + 6px);
      left: 0;
      z-index: 5;
      display: none;
      width: max-content;
      max-width: 16rem;
      padding: var(--space-1) var(--space-2);
      border-radius: var(--radius-sm);
      background: var(--code-bg);
      color: var(--code-text);
      font-size: var(--text-xs);
      box-shadow: var(--shadow-raised);
    }
    .tooltip.shown {
      display: block;
    }
  `,
})
export class MessageReactions {
  private readonly channelService = inject(ChannelService);

  /** The message whose reactions to show. */
  readonly message = input.required<ChatMessage>();
  /** The connected user's id ("You" in the tooltip). */
  readonly ownUserId = input<string | undefined>();
  /** Whether the user may react (else the chips only show). */
  readonly canReact = input(true);
  /** Emits the reaction the user toggles. */
  readonly toggled = output<ReactionSummary>();

  protected readonly summaries = computed(() => reactionSummaries(this.message()));
  protected readonly shownType = signal<string | undefined>(undefined);
  private readonly reactors = signal<Reactors | undefined>(undefined);
  private readonly countsKey = computed(
    () => `${this.message().id}:${this.summaries().map((s) => `${s.type}${s.count}`)}`,
  );

  protected tooltipId(type: string): string {
    return `reactors-${this.message().id}-${type}`;
  }

  protected chipLabel(reaction: ReactionSummary): string {
    const people = reaction.count === 1 ? '1 person' : `${reaction.count} people`;
    return `${reaction.label}: ${people}${reaction.own ? ', including you' : ''}`;
  }

  protected who(type: string): string {
    const loaded = this.reactors();
    if (!loaded || loaded.key !== this.countsKey() || loaded.reactions === 'loading') {
      return 'Loading…';
    }
    if (loaded.reactions === 'failed') {
      return 'Could not load who reacted';
    }
    return reactorNames(loaded.reactions, type, this.ownUserId()) || 'Nobody yet';
  }

  protected show(type: string): void {
    this.shownType.set(type);
    const key = this.countsKey();
    if (this.reactors()?.key === key) return;
    this.reactors.set({ key, reactions: 'loading' });
    this.channelService.getMessageReactions(this.message().id).then(
      (reactions) => this.settle(key, reactions),
      () => this.settle(key, 'failed'),
    );
  }

  protected hide(type: string): void {
    if (this.shownType() === type) this.shownType.set(undefined);
  }

  private settle(key: string, reactions: ReactionResponse[] | 'failed'): void {
    if (this.reactors()?.key === key) this.reactors.set({ key, reactions });
  }
}
