import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ChannelService } from 'ngx-stream-chat';
import { MessageCommands } from './message-commands';
import { quoteSummary } from './quoted-message';

/**
 * A bar above the messages while the channel has pinned messages
 * (`activeChannelPinnedMessages`): it unfolds their list, and picking one jumps to it.
 */
@Component({
  selector: 'demo-pinned-messages',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pinned().length > 0) {
      <div class="bar">
        <button
          type="button"
          class="toggle"
          aria-controls="pinned-list"
          data-testid="pinned-toggle"
          [attr.aria-expanded]="open()"
          (click)="open.set(!open())"
        >
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <path
              fill="currentColor"
              d="m12.6 2 5.4 5.4-1.4 1.4-.7-.7-3.5 3.5.7 3.6-1.4 1.4-3.2-3.2L4.4 17.5 3 17.5v-1.4l4.1-4.1-3.2-3.2 1.4-1.4 3.6.7 3.5-3.5-.7-.7z"
            />
          </svg>
          {{ label() }}
        </button>
        @if (open()) {
          <ul id="pinned-list" aria-label="Pinned messages" data-testid="pinned-list">
            @for (item of items(); track item.id) {
              <li>
                <button type="button" class="item" (click)="jump(item.id)">
                  <span class="author">{{ item.author }}</span>
                  <span class="text">{{ item.text }}</span>
                </button>
              </li>
            }
          </ul>
        }
      </div>
    }
  `,
  styles: `
    .bar {
      border-bottom: 1px solid var(--border);
      background: var(--surface);
    }
    .toggle {
      display: flex;
      align-items: center;
      gap: var(--space-2);
      width: 100%;
      min-height: 36px;
      padding: 0 var(--space-4);
      border: 0;
      background: none;
      color: var(--muted);
      font: inherit;
      font-size: var(--text-sm);
      font-weight: 600;
      text-align: left;
      cursor: pointer;
    }
    .toggle:hover {
      background: var(--hover);
    }
    ul {
      display: grid;
      max-height: 40vh;
      overflow-y: auto;
      margin: 0;
      padding: 0 var(--space-2) var(--space-2);
      list-style: none;
    }
    .item {
      display: grid;
      width: 100%;
      padding: var(--space-1) var(--space-2);
      border: 0;
      border-radius: var(--radius-sm);
      background: none;
      color: var(--text);
      font: inherit;
      font-size: var(--text-sm);
      text-align: left;
      cursor: pointer;
    }
    .item:hover {
      background: var(--hover);
    }
    .author {
      font-weight: 600;
    }
    .text {
      overflow: hidden;
      color: var(--muted);
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class PinnedMessages {
  private readonly channelService = inject(ChannelService);
  private readonly commands = inject(MessageCommands);

  protected readonly open = signal(false);
  protected readonly pinned = this.channelService.activeChannelPinnedMessages;
  protected readonly label = computed(() => {
    const count = this.pinned().length;
    return count === 1 ? '1 pinned message' : `${count} pinned messages`;
  });
  /** Newest pin first. */
  protected readonly items = computed(() =>
    [...this.pinned()].reverse().map((message) => ({ id: message.id, ...quoteSummary(message) })),
  );

  protected jump(id: string): void {
    this.open.set(false);
    void this.commands.jumpTo(id);
  }
}
