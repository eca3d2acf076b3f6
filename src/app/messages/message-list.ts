import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { ChannelService, ChatClientService, ChatMessage } from 'ngx-stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { MessageItem } from './message-item';

/** How close to the bottom (px) still counts as "reading the newest messages". */
const STICK_TO_BOTTOM_PX = 80;

/**
 * The active channel's messages, oldest first. Follows new messages while the user is at the
 * bottom, keeps the position when older ones load, and offers "Retry" on failed sends.
 */
@Component({
  selector: 'demo-message-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MessageItem],
  template: `
    <div
      #scroller
      class="scroller"
      role="log"
      tabindex="0"
      [attr.aria-label]="'Messages in ' + channelName()"
      (scroll)="onScroll()"
    >
      @if (channelService.hasMoreMessages()) {
        <button
          type="button"
          class="button older"
          [disabled]="loadingOlder()"
          (click)="loadOlder()"
        >
          {{ loadingOlder() ? 'Loading…' : 'Load older messages' }}
        </button>
      }
      @if (messages().length === 0) {
        <p class="empty">No messages yet. Say hello!</p>
      }
      <ol>
        @for (message of messages(); track message.id) {
          <li>
            <demo-message-item
              [message]="message"
              [own]="!!ownUserId() && message.user?.id === ownUserId()"
              (retry)="retry(message)"
            />
          </li>
        }
      </ol>
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
    }
    .scroller {
      flex: 1;
      overflow-y: auto;
      padding: 16px;
    }
    .scroller:focus-visible {
      outline-offset: -3px;
    }
    ol {
      display: grid;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
    }
    .older {
      display: flex;
      margin: 0 auto 16px;
    }
    .empty {
      margin: 32px 0;
      color: var(--muted);
      text-align: center;
    }
  `,
})
export class MessageList {
  protected readonly channelService = inject(ChannelService);
  private readonly chatService = inject(ChatClientService);
  private readonly session = inject(DemoSession);
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');

  /** The channel's name, for the list's label. */
  readonly channelName = input.required<string>();

  protected readonly messages = this.channelService.activeChannelMessages;
  protected readonly ownUserId = computed(() => this.chatService.user()?.id);
  protected readonly loadingOlder = signal(false);

  private atBottom = true;
  private firstMessageId: string | undefined;
  private lastMessageId: string | undefined;
  private heightBeforeOlder: number | undefined;

  constructor() {
    afterRenderEffect({
      write: () => {
        const messages: ChatMessage[] = this.messages();
        const element = this.scroller().nativeElement;
        const newest = messages.at(-1);
        const olderLoaded =
          this.heightBeforeOlder !== undefined && messages[0]?.id !== this.firstMessageId;
        if (olderLoaded) {
          element.scrollTop += element.scrollHeight - this.heightBeforeOlder!;
        } else if (newest?.id !== this.lastMessageId) {
          const mine = !!newest && newest.user?.id === this.ownUserId();
          if (this.atBottom || mine || this.lastMessageId === undefined) {
            element.scrollTop = element.scrollHeight;
          }
        }
        this.heightBeforeOlder = undefined;
        this.firstMessageId = messages[0]?.id;
        this.lastMessageId = newest?.id;
      },
    });
  }

  protected onScroll(): void {
    const element = this.scroller().nativeElement;
    this.atBottom =
      element.scrollHeight - element.scrollTop - element.clientHeight < STICK_TO_BOTTOM_PX;
  }

  protected async loadOlder(): Promise<void> {
    this.loadingOlder.set(true);
    this.heightBeforeOlder = this.scroller().nativeElement.scrollHeight;
    try {
      await this.channelService.loadMoreMessages();
    } catch (error) {
      this.heightBeforeOlder = undefined;
      this.session.report('Could not load older messages', error);
    } finally {
      this.loadingOlder.set(false);
    }
  }

  protected async retry(message: ChatMessage): Promise<void> {
    try {
      await this.channelService.resendMessage(message);
    } catch (error) {
      this.session.report('Could not send the message again', error);
    }
  }
}
