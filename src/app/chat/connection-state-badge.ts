import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ConnectionState } from 'ngx-stream-chat';

const labels: Record<ConnectionState, string> = {
  online: 'Online',
  connecting: 'Connecting…',
  offline: 'Offline, reconnecting…',
  disconnected: 'Disconnected',
};

/** The connection state as a small colored pill; announced politely when it changes. */
@Component({
  selector: 'demo-connection-state-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span
      class="pill"
      [attr.data-state]="state()"
      role="status"
      data-testid="connection-state"
      [attr.aria-label]="'Connection: ' + label()"
    >
      <span class="dot" aria-hidden="true"></span>{{ label() }}
    </span>
  `,
  styles: `
    .pill {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 2px var(--space-2) 2px 7px;
      border-radius: 999px;
      background: var(--surface-muted);
      color: var(--muted);
      font-size: var(--text-sm);
      font-weight: 500;
      white-space: nowrap;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--muted-light);
    }
    [data-state='online'] .dot {
      background: var(--success);
    }
    [data-state='connecting'] .dot {
      background: var(--accent);
    }
    [data-state='offline'] {
      background: var(--warning-surface);
      color: var(--warning);
    }
    [data-state='offline'] .dot {
      background: var(--warning);
    }
  `,
})
export class ConnectionStateBadge {
  /** The state to show. */
  readonly state = input.required<ConnectionState>();

  protected readonly label = computed(() => labels[this.state()]);
}
