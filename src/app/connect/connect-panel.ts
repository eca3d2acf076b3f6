import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { CHAT_BACKEND } from '../chat-backend.token';
import { ConnectChoice, ConnectMode, SEEDED_USERS, isUserMode } from '../session/connect-choice';
import { DemoSession } from '../session/demo-session.service';
import { LastConnectChoice } from '../session/last-connect-choice';
import { UserAvatar } from '../shared/user-avatar';
import { ThemeToggle } from '../theme/theme-toggle';
import { BackendStatus } from './backend-status';
import { CONNECT_MODES } from './connect-modes';
import { initCallPreview } from './init-call-preview';

/**
 * Picks a way to connect (and a user, a guest name, a token lifetime), then connects. Starts
 * from the last mode, user and lifetime used (`LastConnectChoice`).
 */
@Component({
  selector: 'demo-connect-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UserAvatar, BackendStatus, ThemeToggle],
  templateUrl: './connect-panel.html',
  styleUrl: './connect-panel.css',
})
export class ConnectPanel {
  protected readonly session = inject(DemoSession);
  private readonly backend = inject(CHAT_BACKEND);

  protected readonly modes = CONNECT_MODES;
  protected readonly users = SEEDED_USERS;

  private readonly last = inject(LastConnectChoice).get();
  protected readonly mode = signal<ConnectMode>(this.last.mode);
  protected readonly userId = signal(this.last.userId);
  protected readonly guestName = signal('');
  protected readonly tokenLifetime = signal(this.last.tokenLifetimeSeconds);
  protected readonly submitted = signal(false);

  protected readonly needsUser = computed(() => isUserMode(this.mode()));
  protected readonly guestNameMissing = computed(
    () => this.mode() === 'guest' && !this.guestName().trim(),
  );
  protected readonly lifetimeInvalid = computed(() => {
    const lifetime = this.tokenLifetime();
    return (
      this.mode() === 'token-provider' &&
      !(Number.isInteger(lifetime) && lifetime >= 1 && lifetime <= 86400)
    );
  });
  protected readonly choice = computed<ConnectChoice>(() => ({
    mode: this.mode(),
    userId: this.needsUser() ? this.userId() : undefined,
    guestName: this.mode() === 'guest' ? this.guestName().trim() : undefined,
    tokenLifetimeSeconds: this.mode() === 'token-provider' ? this.tokenLifetime() : undefined,
  }));
  protected readonly preview = computed(() =>
    initCallPreview(this.choice(), this.backend.tokenEndpoint),
  );

  protected inputValue(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    if (this.guestNameMissing() || this.lifetimeInvalid() || this.session.busy()) {
      return;
    }
    void this.session.connect(this.choice());
  }
}
