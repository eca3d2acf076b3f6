import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { ChannelService, ChatClientService, ChatMessage } from 'ngx-stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { MessageItem } from '../messages/message-item';
import { messageRows } from '../messages/message-rows';
import { TypingIndicator } from '../messages/typing-indicator';
import { ThreadComposer } from './thread-composer';
import { CloseIcon } from '../shared/close-icon';

/** "No replies yet", "1 reply", "4 replies". */
export function replyCountText(count: number): string {
  if (count <= 0) return 'No replies yet';
  return count === 1 ? '1 reply' : `${count} replies`;
}

/**
 * The open thread (`activeParentMessage`): the parent message, its replies (older ones load on
 * request), who is typing in it, and a reply field. Escape or the close button closes it.
 */
@Component({
  selector: 'demo-thread-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MessageItem, TypingIndicator, ThreadComposer, CloseIcon],
  host: { '(keydown.escape)': 'close()' },
  template: `
    <section class="panel" aria-labelledby="thread-title" data-testid="thread-panel">
      <header>
        <div class="title">
          <h2 id="thread-title">Thread</h2>
          <p class="subtitle" data-testid="thread-reply-count">{{ countText() }}</p>
        </div>
        <button
          type="button"
          class="button ghost icon"
          aria-label="Close the thread"
          title="Close the thread"
          (click)="close()"
        >
          <demo-close-icon />
        </button>
      </header>
      <div #scroller class="scroller" role="log" tabindex="0" aria-label="Replies">
        @if (channelService.activeParentMessage(); as parent) {
          <demo-message-item
            class="parent"
            [message]="parent"
            [own]="parent.user?.id === ownUserId()"
            [inThread]="true"
          />
        }
        @if (channelService.hasMoreThreadReplies()) {
          <button
            type="button"
            class="button older"
            [disabled]="loadingOlder()"
            (click)="loadOlder()"
          >
            {{ loadingOlder() ? 'Loading older replies…' : 'Load older replies' }}
          </button>
        }
        <ol class="message-rows" aria-label="Replies to the message">
          @for (row of rows(); track row.message.id) {
            <li>
              <demo-message-item
                [message]="row.message"
                [own]="row.own"
                [first]="row.first"
                [last]="row.last"
                [inThread]="true"
                [highlighted]="row.message.id === jumpTarget()"
              />
            </li>
          }
        </ol>
      </div>
      <demo-typing-indicator
        testId="thread-typing-indicator"
        [users]="channelService.usersTypingInThread()"
      />
      @if (channelService.activeParentMessageId(); as parentId) {
        <demo-thread-composer [parentId]="parentId" [disabled]="!canReply()" />
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      min-height: 0;
      border-left: 1px solid var(--border);
      background: var(--bg);
    }
    .panel {
      display: flex;
      flex-direction: column;
      height: 100%;
    }
    header {
      display: flex;
      align-items: center;
      gap: var(--space-2);
      min-height: 60px;
      padding: var(--space-2) var(--space-4);
      border-bottom: 1px solid var(--border);
      background: var(--surface);
    }
    .title {
      flex: 1;
    }
    h2 {
      margin: 0;
      font-size: var(--text-lg);
    }
    .subtitle {
      margin: 0;
      color: var(--muted);
      font-size: var(--text-sm);
    }
    .scroller {
      display: flex;
      flex: 1;
      flex-direction: column;
      gap: 2px;
      overflow-y: auto;
      overscroll-behavior: contain;
      padding: var(--space-2) var(--space-4);
    }
    .scroller:focus-visible {
      outline-offset: -3px;
    }
    .parent {
      padding-bottom: var(--space-3);
      border-bottom: 1px solid var(--border);
      max-width: 100%;
    }
    .older {
      margin: var(--space-2) auto 0;
    }
  `,
})
export class ThreadPanel {
  protected readonly channelService = inject(ChannelService);
  private readonly chatService = inject(ChatClientService);
  private readonly session = inject(DemoSession);
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');

  protected readonly ownUserId = computed(() => this.chatService.user()?.id);
  protected readonly rows = computed(() =>
    messageRows(this.channelService.activeThreadMessages(), { ownUserId: this.ownUserId() }).filter(
      (row) => row.kind === 'message',
    ),
  );
  protected readonly countText = computed(() =>
    replyCountText(
      Math.max(
        this.channelService.activeParentMessage()?.reply_count ?? 0,
        this.channelService.activeThreadMessages().length,
      ),
    ),
  );
  protected readonly canReply = computed(() => {
    const capabilities = this.channelService.activeChannel()?.data?.own_capabilities;
    return !Array.isArray(capabilities) || capabilities.includes('send-reply');
  });
  protected readonly jumpTarget = computed(() => {
    const target = this.channelService.jumpToMessageTarget();
    return target.parentId ? target.id : undefined;
  });
  protected readonly loadingOlder = signal(false);
  private lastReplyId: string | undefined;
  private heightBeforeOlder: number | undefined;

  constructor() {
    afterRenderEffect({
      write: () => {
        const replies = this.channelService.activeThreadMessages();
        untracked(() => this.afterRender(replies));
      },
    });
  }

  protected close(): void {
    void this.channelService.setAsActiveParentMessage(undefined).catch((error: unknown) => {
      this.session.report('Could not close the thread', error);
    });
  }

  protected async loadOlder(): Promise<void> {
    if (this.loadingOlder()) return;
    this.loadingOlder.set(true);
    this.heightBeforeOlder = this.scroller().nativeElement.scrollHeight;
    try {
      await this.channelService.loadMoreThreadReplies();
    } catch (error) {
      this.heightBeforeOlder = undefined;
      this.session.report('Could not load older replies', error);
    } finally {
      this.loadingOlder.set(false);
    }
  }

  /** Keeps the place when older replies load; else follows the newest reply. */
  private afterRender(replies: ChatMessage[]): void {
    const element = this.scroller().nativeElement;
    const newest = replies.at(-1)?.id;
    if (this.heightBeforeOlder !== undefined) {
      element.scrollTop += element.scrollHeight - this.heightBeforeOlder;
      this.heightBeforeOlder = undefined;
    } else if (newest !== this.lastReplyId && !this.jumpTarget()) {
      element.scrollTop = element.scrollHeight;
    }
    this.lastReplyId = newest;
  }
}
