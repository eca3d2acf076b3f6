import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ChannelService, ChatClientService, ChatMessage } from 'ngx-stream-chat';
import { ConfirmDialog } from '../message-actions/confirm-dialog';
import { MessageActionId, messageActions } from '../message-actions/message-action-list';
import { MessageCommands } from '../message-actions/message-commands';
import { MessageReactions } from '../message-actions/message-reactions';
import { PopupMenu, PopupMenuItem } from '../message-actions/popup-menu';
import { QuotedMessage } from '../message-actions/quoted-message';
import { REACTION_OPTIONS, ReactionSummary, reactionSummaries } from '../message-actions/reactions';
import { seenByText } from '../message-actions/read-receipts';
import { Clock } from '../shared/clock';
import { formatFullDate, formatRelativeTime } from '../shared/relative-time';
import { UserAvatar } from '../shared/user-avatar';
import { MessageAttachments } from './message-attachments';
import { MessageEditForm } from './message-edit-form';
import { MessageText } from './message-text';

/** A question the message asks before an action that cannot be undone. */
interface Confirmation {
  action: 'delete' | 'flag';
  title: string;
  text: string;
  confirmLabel: string;
  danger: boolean;
}

const CONFIRMATIONS: Record<Confirmation['action'], Confirmation> = {
  delete: {
    action: 'delete',
    title: 'Delete this message?',
    text: 'It is deleted for everyone in the channel. This cannot be undone.',
    confirmLabel: 'Delete',
    danger: true,
  },
  flag: {
    action: 'flag',
    title: 'Flag this message?',
    text: 'The moderators will review it. The author is not told who flagged it.',
    confirmLabel: 'Flag',
    danger: false,
  },
};

/**
 * One message. The first of its author's group carries the avatar, the name and the time
 * ("5 minutes ago", the full date on hover); the rest of the group only the text. Own messages
 * sit on the right; a failed one offers "Retry". Under the text: its quote, attachments, pinned
 * and edited marks, reactions, the thread's reply count and, on the user's latest message, who
 * has seen it. Hovering or focusing it shows a reaction picker and a menu of actions.
 */
@Component({
  selector: 'demo-message-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    UserAvatar,
    PopupMenu,
    MessageReactions,
    QuotedMessage,
    ConfirmDialog,
    MessageAttachments,
    MessageEditForm,
    MessageText,
  ],
  host: {
    '[class.own]': 'own()',
    '[class.first]': 'first()',
    '[class.last]': 'last()',
    '[class.deleted]': 'deleted()',
    '[class.highlighted]': 'highlighted()',
    '[attr.data-status]': 'message().status',
    '[attr.data-message-id]': 'message().id',
  },
  templateUrl: './message-item.html',
  styleUrl: './message-item.css',
})
export class MessageItem {
  private readonly clock = inject(Clock);
  private readonly channelService = inject(ChannelService);
  private readonly chatService = inject(ChatClientService);
  protected readonly commands = inject(MessageCommands);

  /** The message to show. */
  readonly message = input.required<ChatMessage>();
  /** Whether the connected user sent it. */
  readonly own = input(false);
  /** Whether it opens its author's group (shows avatar, name and time). */
  readonly first = input(true);
  /** Whether it closes its author's group. */
  readonly last = input(true);
  /** Who has read it (shown as "Seen by …"); only given for the user's latest message. */
  readonly seenBy = input<readonly string[]>([]);
  /** Whether it is the message the user jumped to. */
  readonly highlighted = input(false);
  /** Whether it is shown in the thread panel (no thread or channel-wide actions there). */
  readonly inThread = input(false);

  protected readonly editing = signal(false);
  protected readonly confirming = signal<Confirmation | undefined>(undefined);
  /** What the last action did, for the user and screen readers ("Flagged"). */
  protected readonly notice = signal('');

  protected readonly ownUserId = computed(() => this.chatService.user()?.id);
  protected readonly senderName = computed(() => {
    const user = this.message().user;
    return user?.name || user?.id || 'Unknown';
  });
  protected readonly deleted = computed(() => this.message().type === 'deleted');
  private readonly capabilities = computed(() => {
    const capabilities = this.channelService.activeChannel()?.data?.own_capabilities;
    return Array.isArray(capabilities) ? (capabilities as string[]) : undefined;
  });
  protected readonly actions = computed(() =>
    messageActions(this.message(), {
      own: this.own(),
      capabilities: this.capabilities(),
      inThread: this.inThread(),
    }).map((action): PopupMenuItem => ({
      id: action.id,
      text: action.label,
      danger: action.danger,
    })),
  );
  protected readonly canReact = computed(
    () =>
      !this.deleted() &&
      this.message().status === 'received' &&
      (this.capabilities()?.includes('send-reaction') ?? true),
  );
  private readonly summaries = computed(() => reactionSummaries(this.message()));
  protected readonly hasReactions = computed(() => !this.deleted() && this.summaries().length > 0);
  protected readonly reactionItems = computed(() => {
    const own = new Set(
      this.summaries()
        .filter((s) => s.own)
        .map((s) => s.type),
    );
    return REACTION_OPTIONS.map((option): PopupMenuItem => ({
      id: option.type,
      text: option.emoji,
      label: option.label,
      checked: own.has(option.type),
    }));
  });
  protected readonly quoted = computed(() =>
    this.deleted() ? undefined : this.message().quoted_message,
  );
  protected readonly edited = computed(
    () => !this.deleted() && !!this.message().message_text_updated_at,
  );
  protected readonly pinned = computed(() => !this.deleted() && !!this.message().pinned);
  protected readonly replyCount = computed(() => this.message().reply_count ?? 0);
  protected readonly seenByLine = computed(() => seenByText(this.seenBy()));

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

  protected react(type: string): void {
    const own = this.summaries().some((summary) => summary.type === type && summary.own);
    void this.commands.react(this.message(), type, own);
  }

  protected toggleReaction(reaction: ReactionSummary): void {
    void this.commands.react(this.message(), reaction.type, reaction.own);
  }

  protected act(id: string): void {
    const message = this.message();
    this.notice.set('');
    const action = id as MessageActionId;
    switch (action) {
      case 'reply':
        void this.commands.openThread(message);
        break;
      case 'quote':
        this.commands.quote(message);
        document.getElementById('composer-input')?.focus();
        break;
      case 'edit':
        this.editing.set(true);
        break;
      case 'pin':
      case 'unpin':
        void this.commands.setPinned(message, action === 'pin');
        break;
      case 'mark-unread':
        void this.commands.markUnread(message).then((done) => {
          if (done) this.notice.set('Marked unread');
        });
        break;
      case 'flag':
      case 'delete':
        this.confirming.set(CONFIRMATIONS[action]);
        break;
    }
  }

  protected async confirm(confirmation: Confirmation): Promise<void> {
    this.confirming.set(undefined);
    const message = this.message();
    if (confirmation.action === 'delete') {
      await this.commands.remove(message);
    } else if (await this.commands.flag(message)) {
      this.notice.set('Flagged for the moderators');
    }
  }

  protected saveEdit(text: string): void {
    this.editing.set(false);
    if (text !== this.message().text) void this.commands.edit(this.message(), text);
  }

  protected jumpToQuote(id: string): void {
    void this.commands.jumpTo(id);
  }
}
