import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ChatClientService } from 'ngx-stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { UserAvatar } from '../shared/user-avatar';
import { ThemeToggle } from '../theme/theme-toggle';
import { ConnectionStateBadge } from './connection-state-badge';
import { SwitchUserMenu } from './switch-user-menu';

/** The connected user (from `user$`), the connection state, "Switch user" and "Disconnect". */
@Component({
  selector: 'demo-chat-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UserAvatar, ConnectionStateBadge, SwitchUserMenu, ThemeToggle],
  template: `
    <header class="header">
      <div class="me">
        <demo-user-avatar
          [name]="displayName()"
          [image]="user()?.image"
          [online]="user()?.online ?? false"
          size="large"
        />
        <div class="who">
          <p class="name">
            <span data-testid="current-user-name">{{ displayName() }}</span>
            @if (roleLabel(); as role) {
              <span class="role">{{ role }}</span>
            }
            @if (totalUnread() > 0) {
              <span
                class="badge"
                data-testid="total-unread"
                [attr.aria-label]="totalUnread() + ' unread messages in total'"
                >{{ totalUnread() }}<span class="phone-hidden"> unread</span></span
              >
            }
          </p>
          <demo-connection-state-badge [state]="chatService.connectionState()" />
        </div>
      </div>
      <div class="actions">
        <demo-theme-toggle />
        <demo-switch-user-menu
          [currentUserId]="user()?.id"
          [disabled]="session.busy()"
          (switchTo)="session.switchUser($event)"
        />
        <button
          type="button"
          class="button"
          [disabled]="session.busy()"
          (click)="session.disconnect()"
        >
          <svg class="phone-only" viewBox="0 0 20 20" aria-hidden="true" width="18" height="18">
            <path
              fill="currentColor"
              d="M3 3h8v2H5v10h6v2H3V3Zm10.3 3.3L17 10l-3.7 3.7-1.4-1.4 1.3-1.3H8V9h5.2l-1.3-1.3 1.4-1.4Z"
            />
          </svg>
          <span class="phone-hidden">Disconnect</span>
        </button>
      </div>
    </header>
  `,
  styles: `
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--space-3) var(--space-4);
      padding: var(--space-3) var(--space-4);
      border-bottom: 1px solid var(--border);
      background: var(--surface);
    }
    .me {
      display: flex;
      align-items: center;
      gap: var(--space-3);
      min-width: 0;
    }
    .who {
      display: grid;
      justify-items: start;
      gap: 2px;
      min-width: 0;
    }
    .name {
      display: flex;
      align-items: center;
      gap: var(--space-2);
      margin: 0;
      font-size: var(--text-lg);
      font-weight: 600;
      min-width: 0;
    }
    .name > span:first-child {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .role {
      padding: 1px 7px;
      border-radius: var(--radius-sm);
      background: var(--surface-muted);
      border: 1px solid var(--border);
      color: var(--muted);
      font-size: var(--text-xs);
      font-weight: 500;
    }
    .actions {
      display: flex;
      gap: var(--space-2);
      margin-left: auto;
    }
    @media (max-width: 480px) {
      .header {
        flex-wrap: nowrap;
        padding: var(--space-2) var(--space-3);
      }
      .me {
        flex: 1;
      }
      .actions {
        gap: var(--space-1);
      }
      .actions .button {
        padding: 0 var(--space-2);
      }
    }
  `,
})
export class ChatHeader {
  protected readonly chatService = inject(ChatClientService);
  protected readonly session = inject(DemoSession);

  protected readonly user = this.chatService.user;
  protected readonly displayName = computed(() => {
    const user = this.user();
    if (!user) {
      return 'Connecting…';
    }
    return this.session.choice()?.mode === 'anonymous' ? 'Anonymous' : user.name || user.id;
  });
  protected readonly roleLabel = computed(() => {
    const mode = this.session.choice()?.mode;
    return mode === 'anonymous' ? 'Read only' : mode === 'guest' ? 'Guest' : undefined;
  });
  protected readonly totalUnread = computed(() => this.user()?.total_unread_count ?? 0);
}
