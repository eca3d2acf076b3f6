import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { ChatMessage } from 'ngx-stream-chat';
import { MessageTimePipe } from '../shared/message-time.pipe';
import { UserAvatar } from '../shared/user-avatar';

/** One message: sender, time and text; own messages on the right; a failed one with "Retry". */
@Component({
  selector: 'demo-message-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UserAvatar, MessageTimePipe],
  host: {
    '[class.own]': 'own()',
    '[attr.data-status]': 'message().status',
  },
  template: `
    @if (!own()) {
      <demo-user-avatar [name]="senderName()" [image]="message().user?.image" size="small" />
    }
    <div class="body">
      <p class="meta">
        <span class="sender" data-testid="message-sender">{{ own() ? 'You' : senderName() }}</span>
        @if (message().created_at; as at) {
          <time [attr.datetime]="isoTime()">{{ at | messageTime: 'full' }}</time>
        }
      </p>
      <p class="bubble" data-testid="message-text">{{ message().text }}</p>
      @switch (message().status) {
        @case ('sending') {
          <p class="status">Sending…</p>
        }
        @case ('failed') {
          <p class="status failed">
            <span [attr.title]="message().errorMessage">Not sent.</span>
            <button type="button" class="retry" (click)="retry.emit()">Retry</button>
          </p>
        }
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      align-items: flex-end;
      gap: 8px;
      max-width: min(78%, 560px);
    }
    :host(.own) {
      margin-left: auto;
      justify-content: flex-end;
    }
    .body {
      display: grid;
      gap: 3px;
      min-width: 0;
    }
    :host(.own) .body {
      justify-items: end;
    }
    .meta {
      display: flex;
      align-items: baseline;
      gap: 8px;
      margin: 0 4px;
      color: var(--muted);
      font-size: 12px;
    }
    .sender {
      color: var(--text);
      font-weight: 600;
    }
    .bubble {
      margin: 0;
      padding: 8px 12px;
      border-radius: 14px 14px 14px 4px;
      background: var(--surface);
      border: 1px solid var(--border);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    :host(.own) .bubble {
      border-color: var(--own-bubble);
      border-radius: 14px 14px 4px 14px;
      background: var(--own-bubble);
      color: #fff;
    }
    :host([data-status='sending']) .bubble {
      opacity: 0.7;
    }
    :host([data-status='failed']) .bubble {
      border-color: var(--danger);
      background: var(--danger-surface);
      color: var(--text);
    }
    .status {
      margin: 0 4px;
      color: var(--muted);
      font-size: 12px;
    }
    .failed {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: flex-end;
      gap: 4px 8px;
      color: var(--danger);
    }
    .retry {
      padding: 2px 10px;
      border: 1px solid var(--danger);
      border-radius: 6px;
      background: var(--surface);
      color: var(--danger);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
  `,
})
export class MessageItem {
  /** The message to show. */
  readonly message = input.required<ChatMessage>();
  /** Whether the connected user sent it. */
  readonly own = input(false);
  /** Emits when the user asks to send a failed message again. */
  readonly retry = output<void>();

  protected readonly senderName = computed(() => {
    const user = this.message().user;
    return user?.name || user?.id || 'Unknown';
  });
  protected readonly isoTime = computed(() => {
    const at = this.message().created_at;
    return at ? new Date(at).toISOString() : null;
  });
}
