import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ChannelService } from 'ngx-stream-chat';
import { ChannelList } from '../channels/channel-list';
import { ChannelPane } from '../messages/channel-pane';
import { ThreadPanel } from '../thread/thread-panel';
import { ChatHeader } from './chat-header';

/**
 * The chat: header on top, channels beside the active channel. Below 720 px wide, one column:
 * the channel list, or the active channel with a way back.
 */
@Component({
  selector: 'demo-chat-screen',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChatHeader, ChannelList, ChannelPane, ThreadPanel],
  template: `
    <demo-chat-header />
    <div class="body" [class.has-active]="!!activeChannel()">
      <nav class="sidebar" aria-label="Channels">
        <demo-channel-list />
      </nav>
      <main class="pane">
        @if (activeChannel(); as channel) {
          <demo-channel-pane [channel]="channel" />
        } @else {
          <div class="placeholder">
            <p class="placeholder-title">Pick a channel</p>
            <p>Its messages appear here.</p>
          </div>
        }
      </main>
      @if (threadOpen()) {
        <demo-thread-panel class="thread" />
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: 0;
    }
    .body {
      position: relative;
      display: grid;
      grid-template-columns: minmax(240px, 300px) 1fr;
      flex: 1;
      min-height: 0;
    }
    .sidebar {
      overflow-y: auto;
      border-right: 1px solid var(--border);
      background: var(--surface);
    }
    .pane {
      min-width: 0;
      min-height: 0;
      background: var(--bg);
    }
    .placeholder {
      display: grid;
      place-content: center;
      height: 100%;
      color: var(--muted);
      text-align: center;
    }
    .placeholder p {
      margin: 0;
    }
    .placeholder-title {
      color: var(--text);
      font-size: var(--text-lg);
      font-weight: 600;
    }
    .body:has(.thread) {
      grid-template-columns: minmax(240px, 300px) 1fr minmax(320px, 380px);
    }
    @media (max-width: 1099px) {
      .body:has(.thread) {
        grid-template-columns: minmax(240px, 300px) 1fr;
      }
      .thread {
        position: absolute;
        inset: 0 0 0 auto;
        z-index: 10;
        width: min(420px, 100%);
        box-shadow: var(--shadow-raised);
      }
    }
    @media (max-width: 719px) {
      .body:has(.thread) {
        grid-template-columns: 1fr;
      }
      .body {
        grid-template-columns: 1fr;
      }
      .sidebar {
        border-right: 0;
      }
      .body.has-active .sidebar,
      .body:not(.has-active) .pane {
        display: none;
      }
    }
  `,
})
export class ChatScreen {
  private readonly channelService = inject(ChannelService);
  protected readonly activeChannel = this.channelService.activeChannel;
  protected readonly threadOpen = computed(
    () => !!this.channelService.activeChannel() && !!this.channelService.activeParentMessageId(),
  );
}
