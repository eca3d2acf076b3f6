import { Injectable, computed, inject } from '@angular/core';
import { ChatClientService } from 'ngx-stream-chat';
import type { Channel } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { channelName } from './channel-summary';

/** A channel the user was invited to and has not answered. */
export interface Invitation {
  /** The channel's cid. */
  cid: string;
  /** The channel's name. */
  name: string;
  /** The channel itself, as `ChatClientService.pendingInvites` lists it. */
  channel: Channel;
}

/**
 * The connected user's pending channel invitations, from the library's `pendingInvites` (tracked
 * because the app config sets `trackPendingChannelInvites`), with accept and decline that report
 * failures in the demo's banner. An accepted channel joins the channel list on the server's
 * `notification.invite_accepted`.
 */
@Injectable({ providedIn: 'root' })
export class ChannelInvitations {
  private readonly chatService = inject(ChatClientService);
  private readonly session = inject(DemoSession);

  /** The pending invitations, newest first; `[]` when nobody is connected. */
  readonly invitations = computed<Invitation[]>(() =>
    this.chatService
      .pendingInvites()
      .map((channel) => ({ cid: channel.cid, name: channelName(channel), channel })),
  );

  /** Accepts an invitation: the channel joins the channel list. */
  async accept(invitation: Invitation): Promise<void> {
    try {
      await this.chatService.acceptInvite(invitation.channel);
    } catch (error) {
      this.session.report(`Could not accept the invitation to ${invitation.name}`, error);
    }
  }

  /** Declines an invitation. */
  async decline(invitation: Invitation): Promise<void> {
    try {
      await this.chatService.rejectInvite(invitation.channel);
    } catch (error) {
      this.session.report(`Could not decline the invitation to ${invitation.name}`, error);
    }
  }
}
