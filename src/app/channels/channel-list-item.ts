import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { ChannelService } from 'ngx-stream-chat';
import { MessageTimePipe } from '../shared/message-time.pipe';
import { UserAvatar } from '../shared/user-avatar';
import { ChannelSummary } from './channel-summary';

/** One channel in the list: name, last message, its time and the unread badge. */
@Component({
  selector: 'demo-channel-list-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UserAvatar, MessageTimePipe],
  template: `
    <button
      type="button"
      class="item"
      [class.active]="active()"
      [class.unread]="unread() > 0 && !summary().muted"
      [attr.aria-current]="active() ? 'true' : null"
      [attr.data-cid]="summary().cid"
      (click)="selected.emit()"
    >
      @if (summary().counterpart; as person) {
        <demo-user-avatar [name]="person.name" [image]="person.image" [online]="person.online" />
      } @else {
        <demo-user-avatar [name]="summary().name" />
      }
      <span class="text">
        <span class="top">
          <span class="name">{{ summary().name }}</span>
          @if (summary().pinned) {
            <svg class="flag" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
              <path
                fill="currentColor"
                d="M10 1.5 14.5 6l-1.4.4-2.6 2.6.3 3.3-1.1 1.1L7 10.7l-3.8 3.8-1-.1 3.8-3.8-2.7-2.7 1.1-1.1 3.3.3L10.3 4z"
              />
            </svg>
            <span class="visually-hidden">, pinned</span>
          }
          @if (summary().muted) {
            <svg
              class="flag"
              data-testid="channel-muted"
              viewBox="0 0 16 16"
              width="12"
              height="12"
              aria-hidden="true"
            >
              <path
                fill="currentColor"
                d="M2 5.5h3L9 2v12l-4-3.5H2v-5Zm9.3.1 1.2 1.2 1.2-1.2.9.9-1.2 1.2 1.2 1.2-.9.9-1.2-1.2-1.2 1.2-.9-.9 1.2-1.2-1.2-1.2.9-.9Z"
              />
            </svg>
            <span class="visually-hidden">, muted</span>
          }
          @if (summary().lastMessageAt; as at) {
            <time class="time" [attr.datetime]="at.toISOString()">{{ at | messageTime }}</time>
          }
        </span>
        <span class="bottom">
          <span class="preview" data-testid="channel-preview">{{
            summary().preview ?? 'No messages yet'
          }}</span>
          @if (unread() > 0 && !summary().muted) {
            <span class="badge" data-testid="channel-unread">
              {{ unread() }}<span class="visually-hidden"> unread</span>
            </span>
          }
        </span>
        @if (summary().counterpart; as person) {
          <span class="visually-hidden" data-testid="channel-counterpart-presence"
            >{{ person.name }} is {{ person.online ? 'online' : 'offline' }}</span
          >
        }
      </span>
    </button>
  `,
  styles: `
    .item {
      display: flex;
      align-items: center;
      gap: var(--space-3);
      width: 100%;
      padding: var(--space-2) var(--space-3);
      border: 0;
      border-radius: var(--radius);
      background: none;
      color: inherit;
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    .item:hover {
      background: var(--hover);
    }
    .item.active {
      background: var(--accent-surface);
    }
    .text {
      display: grid;
      flex: 1;
      gap: 2px;
      min-width: 0;
    }
    .top,
    .bottom {
      display: flex;
      align-items: center;
      gap: var(--space-2);
      min-width: 0;
    }
    .name,
    .preview {
      flex: 1;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .name {
      font-weight: 600;
    }
    .preview {
      color: var(--muted);
      font-size: var(--text-sm);
    }
    .unread .preview {
      color: var(--text);
      font-weight: 500;
    }
    .flag {
      flex: none;
      color: var(--muted);
    }
    .time {
      flex: none;
      color: var(--muted);
      font-size: var(--text-xs);
    }
  `,
})
export class ChannelListItem {
  private readonly channelService = inject(ChannelService);

  /** The channel to show. */
  readonly summary = input.required<ChannelSummary>();
  /** Whether it is the active channel. */
  readonly active = input(false);
  /** Emits when the user picks the channel. */
  readonly selected = output<void>();

  protected readonly unread = computed(() =>
    this.channelService.unreadCount(this.summary().channel)(),
  );
}
