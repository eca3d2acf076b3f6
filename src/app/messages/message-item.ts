import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { ChatMessage } from 'ngx-stream-chat';
import { Clock } from '../shared/clock';
import { formatFullDate, formatRelativeTime } from '../shared/relative-time';
import { UserAvatar } from '../shared/user-avatar';
import { MessageAttachments } from './message-attachments';
import { MessageText } from './message-text';

/**
 * One message. The first of its author's group carries the avatar, the name and the time
 * ("5 minutes ago", the full date on hover); the rest of the group only the text. Own messages
 * sit on the right; a failed one offers "Retry".
 */
@Component({
  selector: 'demo-message-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UserAvatar, MessageText, MessageAttachments],
  host: {
    '[class.own]': 'own()',
    '[class.first]': 'first()',
    '[class.last]': 'last()',
    '[class.deleted]': 'deleted()',
    '[attr.data-status]': 'message().status',
    '[attr.data-message-id]': 'message().id',
  },
  templateUrl: './message-item.html',
  styleUrl: './message-item.css',
})
export class MessageItem {
  private readonly clock = inject(Clock);

  /** The message to show. */
  readonly message = input.required<ChatMessage>();
  /** Whether the connected user sent it. */
  readonly own = input(false);
  /** Whether it opens its author's group (shows avatar, name and time). */
  readonly first = input(true);
  /** Whether it closes its author's group. */
  readonly last = input(true);
  /** Emits when the user asks to send a failed message again. */
  readonly retry = output<void>();

  protected readonly senderName = computed(() => {
    const user = this.message().user;
    return user?.name || user?.id || 'Unknown';
  });
  protected readonly deleted = computed(() => this.message().type === 'deleted');
  private readonly createdAt = computed(() => {
    const at = this.message().created_at;
    const date = at ? new Date(at) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
  });
  protected readonly isoTime = computed(() => this.createdAt()?.toISOString() ?? null);
  protected readonly fullTime = computed(() => {
    const at = this.createdAt();
    return at ? formatFullDate(at) : null;
  });
  protected readonly relativeTime = computed(() => {
    const at = this.createdAt();
    return at ? formatRelativeTime(at, this.clock.now()) : '';
  });
}
