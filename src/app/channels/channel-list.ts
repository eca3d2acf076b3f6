import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ChannelService, ChatClientService } from 'ngx-stream-chat';
import type { Channel } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { ChannelListItem } from './channel-list-item';
import { PresenceChanges } from './presence-changes';
import { summarizeChannel } from './channel-summary';

/** The user's channels, newest activity first, with paging and the query's state. */
@Component({
  selector: 'demo-channel-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChannelListItem],
  template: `
    <h2 class="heading" id="channels-heading">Channels</h2>
    @if (summaries(); as list) {
      @if (list.length > 0) {
        <ul aria-labelledby="channels-heading">
          @for (summary of list; track summary.cid) {
            <li>
              <demo-channel-list-item
                [summary]="summary"
                [active]="summary.channel === activeChannel()"
                (selected)="select(summary.channel)"
              />
            </li>
          }
        </ul>
      } @else {
        <p class="note">No channels yet.</p>
      }
      @if (channelService.hasMoreChannels()) {
        <button type="button" class="button more" (click)="channelService.loadMoreChannels()">
          Load more channels
        </button>
      }
    } @else if (queryState()?.state === 'in-progress') {
      <p class="note" role="status">Loading channels…</p>
    }
    @if (queryState(); as state) {
      @if (state.state === 'error') {
        <p class="note error" role="alert">
          Channels could not be loaded: {{ state.error.message }}
        </p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      padding: var(--space-3) var(--space-2);
    }
    .heading {
      margin: 0 var(--space-2) var(--space-2);
      color: var(--muted);
      font-size: var(--text-xs);
      font-weight: 600;
      letter-spacing: 0.04em;
      text-transform: uppercase;
    }
    ul {
      display: grid;
      gap: 2px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .note {
      margin: var(--space-2);
      color: var(--muted);
    }
    .error {
      color: var(--danger);
      overflow-wrap: anywhere;
    }
    .more {
      width: calc(100% - 2 * var(--space-2));
      margin: var(--space-2);
    }
  `,
})
export class ChannelList {
  protected readonly channelService = inject(ChannelService);
  private readonly chatService = inject(ChatClientService);
  private readonly session = inject(DemoSession);
  private readonly presenceChanges = inject(PresenceChanges);

  protected readonly activeChannel = this.channelService.activeChannel;
  protected readonly queryState = this.channelService.channelQueryState;
  /**
   * Recomputed on every new version of the list (the service replaces it on each change) and
   * after presence events (the client updates members in place).
   */
  protected readonly summaries = computed(() => {
    this.presenceChanges.version();
    const ownUserId = this.chatService.user()?.id;
    return this.channelService.channels()?.map((channel) => summarizeChannel(channel, ownUserId));
  });

  protected async select(channel: Channel): Promise<void> {
    try {
      await this.channelService.setAsActiveChannel(channel);
    } catch (error) {
      this.session.report('Could not open the channel', error);
    }
  }
}
