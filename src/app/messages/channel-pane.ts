import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ChannelService, ChatClientService } from 'ngx-stream-chat';
import type { Channel } from 'stream-chat';
import { channelName } from '../channels/channel-summary';
import { DemoSession } from '../session/demo-session.service';
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
  imports: [MessageList, TypingIndicator, Composer],
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
        <p class="subtitle">{{ subtitle() }}</p>
      </div>
    </header>
    @if (chatService.connectionState() === 'offline') {
      <p class="offline" role="status" data-testid="offline-notice">
        You are offline. New messages will appear when the connection is back.
      </p>
    }
    <demo-message-list [channelName]="name()" />
    <demo-typing-indicator [users]="channelService.usersTypingInChannel()" />
    <demo-composer [channelName]="name()" [disabledReason]="refusal()" />
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
      gap: 8px;
      padding: 10px 16px;
      border-bottom: 1px solid var(--border);
      background: var(--surface);
    }
    .back {
      display: none;
      margin-left: -8px;
      padding: 0 8px;
    }
    .title {
      min-width: 0;
    }
    h2 {
      margin: 0;
      font-size: 17px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .subtitle {
      margin: 0;
      color: var(--muted);
      font-size: 13px;
    }
    .offline {
      margin: 0;
      padding: 8px 16px;
      background: var(--warning-surface);
      color: var(--warning);
      font-size: 14px;
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
  `,
})
export class ChannelPane {
  protected readonly channelService = inject(ChannelService);
  protected readonly chatService = inject(ChatClientService);
  private readonly session = inject(DemoSession);

  /** The active channel. */
  readonly channel = input.required<Channel>();

  protected readonly name = computed(() => channelName(this.channel()));
  protected readonly subtitle = computed(() => {
    const channel = this.channel();
    if (channel.type === 'livestream') {
      return 'Public livestream';
    }
    const count = channel.data?.member_count ?? Object.keys(channel.state.members).length;
    return `${count} ${count === 1 ? 'member' : 'members'}`;
  });
  protected readonly refusal = computed(() =>
    writeRefusal(this.channel(), this.session.readOnly()),
  );
}
