import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ChannelService, ChatClientService } from 'ngx-stream-chat';
import type { Channel } from 'stream-chat';
import { ChannelMenu } from '../channels/channel-menu';
import { channelPresence, presenceLine } from '../channels/channel-presence';
import { channelName } from '../channels/channel-summary';
import { MemberFaces } from '../channels/member-faces';
import { PresenceChanges } from '../channels/presence-changes';
import { DemoSession } from '../session/demo-session.service';
import { PinnedMessages } from '../message-actions/pinned-messages';
import { QuotePreview } from '../message-actions/quote-preview';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { TypingIndicator } from './typing-indicator';

/** Why the connected user may not write in `channel`, or `undefined` when they may. */
export function writeRefusal(channel: Channel, readOnlySession: boolean): string | undefined {
  if (readOnlySession) {
    return 'Anonymous users can read but not write. Connect as a user or a guest to join in.';
  }
  const capabilities = channel.data?.own_capabilities;
  if (Array.isArray(capabilities) && !capabilities.includes('send-message')) {
    return 'You cannot send messages in this channel.';
  }
  return undefined;
}

/** The active channel: its name, its messages, who is typing, and the composer. */
@Component({
  selector: 'demo-channel-pane',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MessageList,
    TypingIndicator,
    Composer,
    MemberFaces,
    PinnedMessages,
    QuotePreview,
    ChannelMenu,
  ],
  template: `
    <header class="pane-header">
      <button
        type="button"
        class="button ghost back"
        aria-label="Back to channels"
        (click)="channelService.deselectActiveChannel()"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" width="18" height="18">
          <path fill="currentColor" d="M12.7 4.3 7 10l5.7 5.7-1.4 1.4L4.2 10l7.1-7.1z" />
        </svg>
      </button>
      <div class="title">
        <h2 data-testid="channel-title">{{ name() }}</h2>
        <p class="subtitle" data-testid="channel-presence">
          @if (presence().onlineCount > 0 && channel().type !== 'livestream') {
            <span class="online-dot" aria-hidden="true"></span>
          }
          {{ subtitle() }}
        </p>
      </div>
      @if (presence().members.length > 1) {
        <demo-member-faces class="faces" [members]="presence().members" />
      }
      <demo-channel-menu [channel]="channel()" />
    </header>
    @if (chatService.connectionState() === 'offline') {
      <p class="offline" role="status" data-testid="offline-notice">
        You are offline. New messages will appear when the connection is back.
      </p>
    }
    <demo-pinned-messages />
    <demo-message-list [channelName]="name()" [canWrite]="!refusal()" />
    <demo-typing-indicator [users]="channelService.usersTypingInChannel()" />
    <demo-composer [channelName]="name()" [disabledReason]="refusal()">
      <demo-quote-preview composerQuote />
    </demo-composer>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: 0;
    }
    .pane-header {
      display: flex;
      align-items: center;
      gap: var(--space-2);
      min-height: 60px;
      padding: var(--space-2) var(--space-4);
      border-bottom: 1px solid var(--border);
      background: var(--surface);
    }
    .back {
      display: none;
      margin-left: calc(-1 * var(--space-2));
      padding: 0 var(--space-2);
    }
    .title {
      flex: 1;
      min-width: 0;
    }
    h2 {
      margin: 0;
      font-size: var(--text-lg);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .subtitle {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 0;
      color: var(--muted);
      font-size: var(--text-sm);
    }
    .online-dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--success);
    }
    .offline {
      margin: 0;
      padding: var(--space-2) var(--space-4);
      background: var(--warning-surface);
      color: var(--warning);
      font-size: var(--text-sm);
      font-weight: 500;
    }
    demo-message-list {
      flex: 1;
    }
    @media (max-width: 719px) {
      .back {
        display: inline-flex;
      }
    }
    @media (max-width: 400px) {
      .faces {
        display: none;
      }
    }
  `,
})
export class ChannelPane {
  protected readonly channelService = inject(ChannelService);
  protected readonly chatService = inject(ChatClientService);
  private readonly session = inject(DemoSession);

  /** The active channel. */
  readonly channel = input.required<Channel>();

  protected readonly name = computed(() => channelName(this.channel()));
  private readonly presenceChanges = inject(PresenceChanges);

  protected readonly presence = computed(() => {
    // The client updates members in place: recompute after presence events, and when the
    // channel's state is refreshed (its messages are published then too).
    this.presenceChanges.version();
    this.channelService.activeChannelMessages();
    return channelPresence(this.channel(), this.chatService.user()?.id);
  });
  protected readonly subtitle = computed(() => presenceLine(this.channel(), this.presence()));
  protected readonly refusal = computed(() =>
    writeRefusal(this.channel(), this.session.readOnly()),
  );
}
