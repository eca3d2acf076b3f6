import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ChatScreen } from './chat/chat-screen';
import { ConnectPanel } from './connect/connect-panel';
import { DemoSession } from './session/demo-session.service';
import { ErrorBanner } from './shared/error-banner';

/**
 * The demo's root: the connect panel, or the chat (loaded on demand) once a user is connected. Errors show in a
 * banner above them, in the flow: the content below moves down, nothing is covered.
 */
@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConnectPanel, ChatScreen, ErrorBanner],
  template: `
    @if (session.error(); as error) {
      <div class="errors" data-testid="error-region">
        <demo-error-banner [error]="error" (dismissed)="session.dismissError()" />
      </div>
    }
    @if (session.choice()) {
      <!-- The chat is its own chunk: the connect panel, the first screen, loads without it. -->
      @defer (on immediate) {
        <demo-chat-screen class="content" />
      } @placeholder {
        <div class="content" role="status">Loading the chat…</div>
      }
    } @else {
      <main class="content connect">
        <demo-connect-panel />
      </main>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      height: 100dvh;
    }
    .errors {
      flex: none;
      padding: var(--space-3) var(--space-3) 0;
    }
    .errors > demo-error-banner {
      display: block;
      max-width: 560px;
      margin: 0 auto;
    }
    .content {
      flex: 1;
      min-height: 0;
    }
    .connect {
      overflow-y: auto;
      padding: var(--space-6) var(--space-4);
    }
    @media (max-width: 480px) {
      .connect {
        padding: 0;
      }
    }
  `,
})
export class App {
  protected readonly session = inject(DemoSession);
}
