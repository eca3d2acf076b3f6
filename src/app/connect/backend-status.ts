import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  PLATFORM_ID,
  computed,
  inject,
  signal,
} from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { isLocalBackend } from '../chat-backend';
import { CHAT_BACKEND } from '../chat-backend.token';
import { BACKEND_PROBE, BACKEND_PROBE_INTERVAL_MS, backendProbeUrl } from './backend-probe';

/** Whether the backend answered the last probe; `checking` until the first answer. */
export type BackendHealth = 'checking' | 'up' | 'down';

/**
 * The chat backend's health on the connect panel: probes it at once, then every 5 s while shown,
 * and says (green/red dot, text announced politely) whether it answers.
 */
@Component({
  selector: 'demo-backend-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="dot" [class]="health()" aria-hidden="true"></span>
    <span role="status" aria-live="polite" data-testid="backend-label">{{ label() }}</span>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: var(--space-2);
      color: var(--muted);
      overflow-wrap: anywhere;
    }
    .dot {
      flex: none;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--muted-light);
    }
    .dot.up {
      background: var(--success);
    }
    .dot.down {
      background: var(--danger);
    }
  `,
})
export class BackendStatus {
  private readonly backend = inject(CHAT_BACKEND);
  private readonly probe = inject(BACKEND_PROBE);
  private readonly interval = inject(BACKEND_PROBE_INTERVAL_MS);

  /** The last probe's verdict. */
  protected readonly health = signal<BackendHealth>('checking');
  protected readonly label = computed(() => {
    const { baseURL } = this.backend;
    const local = isLocalBackend(this.backend);
    const where = local ? ` at ${baseURL}` : '';
    const name = local ? 'Local emulator' : (baseURL ?? "Stream's cloud");
    switch (this.health()) {
      case 'checking':
        return `Checking ${local ? 'the local emulator' : name}${where}…`;
      case 'up':
        return `${name}${where}`;
      case 'down':
        return local ? `Emulator unreachable${where}` : `${name} unreachable`;
    }
  });

  constructor() {
    if (!isPlatformBrowser(inject(PLATFORM_ID))) {
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const check = async () => {
      const up = await this.probe(backendProbeUrl(this.backend));
      if (stopped) {
        return;
      }
      this.health.set(up ? 'up' : 'down');
      timer = setTimeout(() => void check(), this.interval);
    };
    void check();
    inject(DestroyRef).onDestroy(() => {
      stopped = true;
      clearTimeout(timer);
    });
  }
}
