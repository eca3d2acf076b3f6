import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { STREAM_CHAT_CONFIG } from 'ngx-stream-chat';

/** The demo's root component. */
@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main>
      <h1>ngx-stream-chat demo</h1>
      <p>
        Chat backend: <code data-testid="backend-url">{{ config.options?.baseURL }}</code> (API key
        <code>{{ config.apiKey }}</code>)
      </p>
    </main>
  `,
})
export class App {
  /** The library configuration this app was started with. */
  protected readonly config = inject(STREAM_CHAT_CONFIG);
}
