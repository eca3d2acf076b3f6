import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ChatClientService } from 'ngx-stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { UserAvatar } from '../shared/user-avatar';
import { ConnectionStateBadge } from './connection-state-badge';
import { SwitchUserMenu } from './switch-user-menu';

/** The connected user (from `user$`), the connection state, "Switch user" and "Disconnect". */
@Component({
  selector: 'demo-chat-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UserAvatar, ConnectionStateBadge, SwitchUserMenu],
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
                >{{ totalUnread() }} unread</span
              >
            }
          </p>
          <demo-connection-state-badge [state]="chatService.connectionState()" />
        </div>
      </div>
      <div class="actions">
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
          Disconnect
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
      gap: 10px 16px;
      padding: 10px 16px;
      border-bottom: 1px solid var(--border);
      background: var(--surface);
    }
    .me {
      display: flex;
      align-items: center;
      gap: 12px;
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
      gap: 8px;
      margin: 0;
      font-size: 16px;
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
      border-radius: 6px;
      background: var(--surface-muted);
      border: 1px solid var(--border);
      color: var(--muted);
      font-size: 12px;
      font-weight: 500;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-left: auto;
    }
    @media (max-width: 480px) {
      .actions {
        width: 100%;
      }
      .actions > * {
        flex: 1 1 0;
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
