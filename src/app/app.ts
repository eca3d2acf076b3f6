import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ChatScreen } from './chat/chat-screen';
import { ConnectPanel } from './connect/connect-panel';
import { DemoSession } from './session/demo-session.service';
import { ErrorBanner } from './shared/error-banner';

/** The demo's root: the connect panel, or the chat once a user is connected; errors on top. */
@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ConnectPanel, ChatScreen, ErrorBanner],
  template: `
    @if (session.error(); as error) {
      <div class="toast">
        <demo-error-banner [error]="error" (dismissed)="session.dismissError()" />
      </div>
    }
    @if (session.choice()) {
      <demo-chat-screen />
    } @else {
      <main class="connect">
        <demo-connect-panel />
      </main>
    }
  `,
  styles: `
    .toast {
      position: fixed;
      z-index: 20;
      top: 12px;
      left: 12px;
      right: 12px;
      max-width: 560px;
      margin: 0 auto;
      border-radius: var(--radius);
      box-shadow: 0 10px 30px rgb(16 24 40 / 18%);
    }
    .connect {
      padding: 24px 16px;
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
