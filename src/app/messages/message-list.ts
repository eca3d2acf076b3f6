import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  afterRenderEffect,
  computed,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ChannelService, ChatClientService, ChatMessage } from 'ngx-stream-chat';
import { combineLatest } from 'rxjs';
import { ReadChanges, latestOwnMessage, seenBy } from '../message-actions/read-receipts';
import { DemoSession } from '../session/demo-session.service';
import { Clock } from '../shared/clock';
import { formatDayLabel } from '../shared/day-label';
import { LastReadAtOpen } from './last-read-at-open';
import { ListSeparator } from './list-separator';
import { MessageItem } from './message-item';
import { messageRows } from './message-rows';
import { NewMessagesPill } from './new-messages-pill';

/** How close to the bottom (px) still counts as "reading the newest messages". */
const STICK_TO_BOTTOM_PX = 80;
/** How close to the top (px) loads the previous page (and to the bottom, the next one). */
const LOAD_OLDER_PX = 240;
/** How many pages "Jump to latest" loads at most after a jump into older messages. */
const MAX_NEWER_PAGES = 20;

/**
 * The active channel's messages, oldest first, grouped by author, with day separators and the
 * "New messages" mark. Opens at the first unread message (else the newest), follows new messages
 * while the user is at the bottom and offers a "new messages" pill when they are not, loads older
 * pages as the user scrolls up (keeping the position), stays at the bottom while the messages
 * there grow (reactions, replies, images), and keeps short channels at the bottom.
 * After a jump (`jumpToMessage()`, from a quote or a pin) it scrolls to the message, highlights
 * it, and loads newer pages as the user scrolls down. The user's latest message says who has
 * seen it (from `channel.state.read`).
 */
@Component({
  selector: 'demo-message-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MessageItem, ListSeparator, NewMessagesPill],
  templateUrl: './message-list.html',
  styleUrl: './message-list.css',
})
export class MessageList {
  protected readonly channelService = inject(ChannelService);
  private readonly chatService = inject(ChatClientService);
  private readonly session = inject(DemoSession);
  private readonly clock = inject(Clock);
  private readonly readChanges = inject(ReadChanges);
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  private readonly content = viewChild.required<ElementRef<HTMLElement>>('content');

  /** The channel's name, for the list's label and the empty state. */
  readonly channelName = input.required<string>();
  /** Whether the user may write here (the empty state invites them to). */
  readonly canWrite = input(true);

  protected readonly messages = this.channelService.activeChannelMessages;
  private readonly ownUserId = computed(() => this.chatService.user()?.id);
  private readonly lastRead = signal<Date | undefined>(undefined);
  protected readonly rows = computed(() =>
    messageRows(this.messages(), { ownUserId: this.ownUserId(), lastRead: this.lastRead() }),
  );
  /** The message the user jumped to, highlighted. */
  protected readonly jumpTarget = computed(() => {
    const target = this.channelService.jumpToMessageTarget();
    return target.parentId ? undefined : target.id;
  });
  /** Who has seen the user's latest message: its id and their names. */
  protected readonly receipt = computed(() => {
    this.readChanges.version();
    const channel = this.channelService.activeChannel();
    const message = latestOwnMessage(this.messages(), this.ownUserId());
    return channel && message
      ? { id: message.id, names: seenBy(channel, message, this.ownUserId()) }
      : undefined;
  });
  protected readonly loadingOlder = signal(false);
  private loadingNewer = false;
  private scrolledToJump: object | undefined;
  /** Messages of others that arrived while the user was scrolled up. */
  protected readonly unseen = signal(0);
  /** Whether the user is far enough up to be offered a way back down. */
  protected readonly scrolledUp = signal(false);

  private atBottom = true;
  private renderedCid: string | undefined;
  private firstMessageId: string | undefined;
  private lastMessageId: string | undefined;
  private heightBeforeOlder: number | undefined;
  private autoLoadFailed = false;
  private readonly lastReadAtOpen = new LastReadAtOpen();

  constructor() {
    // Synchronously, before the library's mark-read can change the channel's read state.
    combineLatest([this.channelService.activeChannel$, this.channelService.activeChannelMessages$])
      .pipe(takeUntilDestroyed())
      .subscribe(([channel]) =>
        this.lastRead.set(this.lastReadAtOpen.observe(channel, this.ownUserId())),
      );
    afterRenderEffect({
      write: () => {
        this.rows();
        this.channelService.jumpToMessageTarget();
        untracked(() => this.afterRender(this.messages()));
      },
    });
    // Messages grow in place (reactions, a reply count, an image that loads): at the bottom, stay.
    if (typeof ResizeObserver !== 'undefined') {
      const resizes = new ResizeObserver(() => this.keepAtBottom());
      afterNextRender(() => resizes.observe(this.content().nativeElement));
      inject(DestroyRef).onDestroy(() => resizes.disconnect());
    }
  }

  /** Scrolls to the end when the user reads there and no newer page waits to load. */
  private keepAtBottom(): void {
    if (this.atBottom && !this.channelService.hasMoreNewerMessages() && !this.loadingNewer) {
      const element = this.scroller().nativeElement;
      element.scrollTop = element.scrollHeight;
    }
  }

  protected dayLabel(date: Date): string {
    return formatDayLabel(date, this.clock.now());
  }

  protected onScroll(): void {
    const element = this.scroller().nativeElement;
    const fromBottom = element.scrollHeight - element.scrollTop - element.clientHeight;
    this.atBottom = fromBottom < STICK_TO_BOTTOM_PX;
    this.scrolledUp.set(fromBottom > element.clientHeight);
    if (this.atBottom) {
      this.unseen.set(0);
    }
    if (element.scrollTop < LOAD_OLDER_PX) {
      this.autoLoadOlder();
    }
    if (fromBottom < LOAD_OLDER_PX && this.channelService.hasMoreNewerMessages()) {
      void this.loadNewer();
    }
  }

  /** Scrolls to the newest message and puts the focus on the list (the pill goes away). */
  protected async jumpToLatest(): Promise<void> {
    for (
      let page = 0;
      page < MAX_NEWER_PAGES && this.channelService.hasMoreNewerMessages();
      page++
    ) {
      if (!(await this.loadNewer())) break;
    }
    this.channelService.clearMessageJump();
    const element = this.scroller().nativeElement;
    element.scrollTop = element.scrollHeight;
    this.atBottom = true;
    this.unseen.set(0);
    this.scrolledUp.set(false);
    element.focus();
  }

  protected async loadOlder(): Promise<void> {
    if (this.loadingOlder()) {
      return;
    }
    this.loadingOlder.set(true);
    this.heightBeforeOlder = this.scroller().nativeElement.scrollHeight;
    try {
      await this.channelService.loadMoreMessages();
    } catch (error) {
      this.heightBeforeOlder = undefined;
      this.autoLoadFailed = true;
      this.session.report('Could not load older messages', error);
    } finally {
      this.loadingOlder.set(false);
    }
  }

  /** Loads the next newer page after a jump; resolves whether it did. */
  private async loadNewer(): Promise<boolean> {
    if (this.loadingNewer) return false;
    this.loadingNewer = true;
    try {
      await this.channelService.loadMoreMessages('newer');
      return true;
    } catch (error) {
      this.session.report('Could not load newer messages', error);
      return false;
    } finally {
      this.loadingNewer = false;
    }
  }

  private autoLoadOlder(): void {
    if (this.channelService.hasMoreMessages() && !this.loadingOlder() && !this.autoLoadFailed) {
      void this.loadOlder();
    }
  }

  private afterRender(messages: ChatMessage[]): void {
    const element = this.scroller().nativeElement;
    const cid = this.channelService.activeChannel()?.cid;
    if (cid !== this.renderedCid) {
      this.renderedCid = cid;
      this.firstMessageId = this.lastMessageId = this.heightBeforeOlder = undefined;
      this.atBottom = true;
      this.autoLoadFailed = false;
      this.unseen.set(0);
      this.scrolledUp.set(false);
    }
    const newest = messages.at(-1);
    const target = this.channelService.jumpToMessageTarget();
    const jumpTo = target !== this.scrolledToJump && !target.parentId ? target.id : undefined;
    const jumped = jumpTo
      ? element.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(jumpTo)}"]`)
      : null;
    const olderLoaded =
      this.heightBeforeOlder !== undefined && messages[0]?.id !== this.firstMessageId;
    if (jumped) {
      this.scrolledToJump = target;
      this.heightBeforeOlder = undefined;
      element.scrollTop = jumped.offsetTop - (element.clientHeight - jumped.offsetHeight) / 2;
      this.onScroll();
    } else if (olderLoaded) {
      element.scrollTop += element.scrollHeight - this.heightBeforeOlder!;
      this.heightBeforeOlder = undefined;
    } else if (newest && this.lastMessageId === undefined) {
      this.openAtFirstUnread(element);
    } else if (newest && newest.id !== this.lastMessageId) {
      const mine = newest.user?.id === this.ownUserId();
      if (this.channelService.hasMoreNewerMessages() || this.loadingNewer) {
        // A newer page after a jump: it grows below, the user stays where they are.
      } else if (this.atBottom || mine) {
        element.scrollTop = element.scrollHeight;
      } else {
        this.unseen.update((count) => count + this.countArrived(messages));
      }
    }
    this.firstMessageId = messages[0]?.id;
    this.lastMessageId = newest?.id;
    // A first page shorter than the window cannot be scrolled up: fetch more right away.
    if (element.scrollHeight <= element.clientHeight) {
      this.autoLoadOlder();
    }
  }

  private openAtFirstUnread(element: HTMLElement): void {
    const unread = element.querySelector<HTMLElement>('demo-list-separator.unread');
    element.scrollTop = unread ? unread.offsetTop - 8 : element.scrollHeight;
    this.onScroll();
  }

  /** How many messages of others came after the last one rendered. */
  private countArrived(messages: ChatMessage[]): number {
    const start = messages.findIndex((message) => message.id === this.lastMessageId);
    const arrived = start >= 0 ? messages.slice(start + 1) : messages.slice(-1);
    const own = this.ownUserId();
    return arrived.filter((message) => message.user?.id !== own).length;
  }
}
