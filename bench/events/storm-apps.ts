import { AsyncPipe, SlicePipe } from '@angular/common';
import { Component, afterEveryRender, computed, inject } from '@angular/core';
import { ChannelService, ChatClientService } from 'ngx-stream-chat';
import {
  ChannelService as VendorChannelService,
  ChatClientService as VendorChatClientService,
} from 'stream-chat-angular';
import { TICK_COUNTER } from './tick-counter';

/** How many channels the apps show: the first page, as a list that scrolls would. */
export const CHANNELS_SHOWN = 25;
/** How many of the open thread's replies the apps show: the latest, as a list that scrolls would. */
export const REPLIES_SHOWN = 25;

/**
 * What a chat app shows while a storm comes in, with the vendor SDK: the first page of the channel
 * list with each channel's unread count, the active channel's messages with their reaction and
 * reply counts, the latest replies of the open thread, and (when switched on) the user's unread
 * total, through the `async` pipe as the vendor's own components read them.
 */
@Component({
  selector: 'storm-vendor-app',
  imports: [AsyncPipe, SlicePipe],
  template: `
    @if (counter.showUnreadTotal()) {
      <header>{{ (chat.user$ | async)?.total_unread_count }} unread</header>
    }
    <ul>
      @for (channel of channels.channels$ | async | slice: 0 : shown; track channel.cid) {
        <li>{{ channel.data?.['name'] }} · {{ channel.countUnread() }}</li>
      }
    </ul>
    <section>
      @for (message of channels.activeChannelMessages$ | async; track message.id) {
        <p>
          {{ message.text }} · {{ message.reaction_counts?.['like'] }} · {{ message.reply_count }}
        </p>
      }
    </section>
    <aside>
      @for (
        reply of channels.activeThreadMessages$ | async | slice: -shownReplies;
        track reply.id
      ) {
        <p>{{ reply.text }}</p>
      }
    </aside>
  `,
})
export class VendorStormApp {
  readonly chat = inject(VendorChatClientService);
  readonly channels = inject(VendorChannelService);
  readonly shown = CHANNELS_SHOWN;
  readonly shownReplies = REPLIES_SHOWN;

  readonly counter = inject(TICK_COUNTER);

  constructor() {
    afterEveryRender(() => this.counter.ticks++);
  }
}

/** The same app with ngx-stream-chat, reading its signals. */
@Component({
  selector: 'storm-library-app',
  template: `
    @if (counter.showUnreadTotal()) {
      <header>{{ chat.user()?.total_unread_count }} unread</header>
    }
    <ul>
      @for (channel of firstPage(); track channel.cid) {
        <li>{{ channel.data?.['name'] }} · {{ channels.unreadCount(channel)() }}</li>
      }
    </ul>
    <section>
      @for (message of channels.activeChannelMessages(); track message.id) {
        <p>
          {{ message.text }} · {{ message.reaction_counts?.['like'] }} · {{ message.reply_count }}
        </p>
      }
    </section>
    <aside>
      @for (reply of latestReplies(); track reply.id) {
        <p>{{ reply.text }}</p>
      }
    </aside>
  `,
})
export class LibraryStormApp {
  readonly chat = inject(ChatClientService);
  readonly channels = inject(ChannelService);
  readonly firstPage = computed(() => this.channels.channels()?.slice(0, CHANNELS_SHOWN) ?? []);
  readonly latestReplies = computed(() =>
    this.channels.activeThreadMessages().slice(-REPLIES_SHOWN),
  );

  readonly counter = inject(TICK_COUNTER);

  constructor() {
    afterEveryRender(() => this.counter.ticks++);
  }
}
