import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ChannelService, ChatClientService } from 'ngx-stream-chat';
import type { Channel } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { ChannelListItem } from './channel-list-item';
import { groupChannels } from './channel-membership';
import { ChannelStateChanges } from './channel-state-changes';
import { MessageSearch } from './message-search';
import { PendingInvites } from './pending-invites';
import { PresenceChanges } from './presence-changes';
import { summarizeChannel } from './channel-summary';

/**
 * The sidebar: message search, pending invitations, then the user's channels (pinned first,
 * archived behind a disclosure), newest activity first, with paging and the query's state.
 */
@Component({
  selector: 'demo-channel-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChannelListItem, MessageSearch, PendingInvites, NgTemplateOutlet],
  template: `
    <ng-template #items let-summaries>
      @for (summary of summaries; track summary.cid) {
        <li>
          <demo-channel-list-item
            [summary]="summary"
            [active]="summary.channel === activeChannel()"
            (selected)="select(summary.channel)"
          />
        </li>
      }
    </ng-template>
    <demo-message-search />
    <demo-pending-invites />
    @if (groups(); as groups) {
      @if (groups.pinned.length > 0) {
        <h2 class="heading" id="pinned-heading">Pinned</h2>
        <ul aria-labelledby="pinned-heading" class="group">
          <ng-container *ngTemplateOutlet="items; context: { $implicit: groups.pinned }" />
        </ul>
      }
      <h2 class="heading" id="channels-heading">Channels</h2>
      @if (groups.others.length > 0) {
        <ul aria-labelledby="channels-heading">
          <ng-container *ngTemplateOutlet="items; context: { $implicit: groups.others }" />
        </ul>
      } @else {
        <p class="note">No channels yet.</p>
      }
      @if (channelService.hasMoreChannels()) {
        <button type="button" class="button more" (click)="channelService.loadMoreChannels()">
          Load more channels
        </button>
      }
      @if (groups.archived.length > 0) {
        <button
          type="button"
          class="disclosure"
          aria-controls="archived-channels"
          [attr.aria-expanded]="showArchived()"
          (click)="showArchived.set(!showArchived())"
        >
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path fill="currentColor" d="M6 4l4 4-4 4V4z" />
          </svg>
          Archived ({{ groups.archived.length }})
        </button>
        @if (showArchived()) {
          <ul id="archived-channels" aria-label="Archived channels">
            <ng-container *ngTemplateOutlet="items; context: { $implicit: groups.archived }" />
          </ul>
        }
      }
    } @else {
      <h2 class="heading" id="channels-heading">Channels</h2>
      @if (queryState()?.state === 'in-progress') {
        <p class="note" role="status">Loading channels…</p>
      }
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
    .group {
      margin-bottom: var(--space-3);
    }
    .disclosure {
      display: flex;
      align-items: center;
      gap: var(--space-1);
      margin: var(--space-3) var(--space-2) var(--space-1);
      padding: var(--space-1);
      border: 0;
      background: none;
      color: var(--muted);
      font: inherit;
      font-size: var(--text-sm);
      font-weight: 600;
      cursor: pointer;
    }
    .disclosure[aria-expanded='true'] svg {
      transform: rotate(90deg);
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
  private readonly stateChanges = inject(ChannelStateChanges);

  protected readonly activeChannel = this.channelService.activeChannel;
  protected readonly queryState = this.channelService.channelQueryState;
  /**
   * The list in three groups (pinned, the rest, archived; unaccepted invitations left out),
   * recomputed on every new version of the list (the service replaces it on each change), after
   * presence events and after membership, mute and channel events (the client updates those in
   * place).
   */
  protected readonly groups = computed(() => {
    this.presenceChanges.version();
    this.stateChanges.version();
    const ownUserId = this.chatService.user()?.id;
    const channels = this.channelService.channels();
    if (!channels) {
      return undefined;
    }
    const summarize = (list: Channel[]) =>
      list.map((channel) => summarizeChannel(channel, ownUserId));
    const { pinned, others, archived } = groupChannels(channels);
    return { pinned: summarize(pinned), others: summarize(others), archived: summarize(archived) };
  });
  protected readonly showArchived = signal(false);

  protected async select(channel: Channel): Promise<void> {
    try {
      await this.channelService.setAsActiveChannel(channel);
    } catch (error) {
      this.session.report('Could not open the channel', error);
    }
  }
}
