import { DestroyRef, Injectable, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ChannelService, ChatClientService } from 'ngx-stream-chat';
import { filter } from 'rxjs';
import type { Channel, ChannelFilters } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { channelName } from './channel-summary';

/** The invitation events after which the pending invitations are read again. */
const INVITATION_EVENTS: ReadonlySet<string> = new Set([
  'notification.invited',
  'notification.invite_accepted',
  'notification.invite_rejected',
]);

/** A channel the user was invited to and has not answered. */
export interface Invitation {
  cid: string;
  /** The channel's name. */
  name: string;
  channel: Channel;
}

/**
 * The connected user's pending channel invitations: read with `queryChannels({invite:
 * 'pending'})` when a user connects and after each invitation event; accepted with
 * `channel.acceptInvite()` (the channel then joins the list) or declined with `rejectInvite()`.
 * The library has no invitation API yet, so this goes through `chatService.chatClient`.
 */
@Injectable({ providedIn: 'root' })
export class ChannelInvitations {
  private readonly chatService = inject(ChatClientService);
  private readonly channelService = inject(ChannelService);
  private readonly session = inject(DemoSession);
  private readonly state = signal<Invitation[]>([]);
  private reads = 0;

  /** The pending invitations, newest query first; `[]` when nobody is connected. */
  readonly invitations = this.state.asReadonly();

  constructor() {
    effect(() => {
      const userId = this.chatService.user()?.id;
      const readOnly = this.session.readOnly();
      untracked(() => (userId && !readOnly ? void this.refresh() : this.forget()));
    });
    this.chatService.events$
      .pipe(
        filter((event) => INVITATION_EVENTS.has(event.type)),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => void this.refresh());
  }

  /** Reads the pending invitations again. */
  async refresh(): Promise<void> {
    const client = this.chatService.chatClient;
    const userId = client?.user?.id;
    if (!client || !userId) {
      return this.forget();
    }
    const read = ++this.reads;
    try {
      const channels = await client.queryChannels(
        // The vendor's Angular SDK sends this filter too; stream-chat's types lack `invite`.
        { invite: 'pending', members: { $in: [userId] } } as ChannelFilters,
        { last_message_at: -1 },
        { limit: 20 },
      );
      if (read === this.reads) {
        this.state.set(
          channels.map((channel) => ({ cid: channel.cid, name: channelName(channel), channel })),
        );
      }
    } catch (error) {
      if (read === this.reads) {
        this.session.report('Could not load the invitations', error);
      }
    }
  }

  /** Accepts an invitation: the channel joins the channel list. */
  async accept(invitation: Invitation): Promise<void> {
    try {
      await invitation.channel.acceptInvite();
      this.drop(invitation);
      this.channelService.addChannel(invitation.channel);
    } catch (error) {
      this.session.report(`Could not accept the invitation to ${invitation.name}`, error);
    }
  }

  /** Declines an invitation. */
  async decline(invitation: Invitation): Promise<void> {
    try {
      await invitation.channel.rejectInvite();
      this.drop(invitation);
    } catch (error) {
      this.session.report(`Could not decline the invitation to ${invitation.name}`, error);
    }
  }

  private drop(invitation: Invitation): void {
    this.state.update((list) => list.filter((item) => item.cid !== invitation.cid));
  }

  private forget(): void {
    this.reads++;
    if (this.state().length > 0) {
      this.state.set([]);
    }
  }
}
