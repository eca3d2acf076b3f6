import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ChannelService } from 'ngx-stream-chat';
import { QuotedMessage } from './quoted-message';
import { CloseIcon } from '../shared/close-icon';

/**
 * Above the composer while a message is quoted (`messageToQuote`): what the reply quotes, and a
 * button that drops the quote.
 */
@Component({
  selector: 'demo-quote-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [QuotedMessage, CloseIcon],
  template: `
    @if (channelService.messageToQuote(); as quoted) {
      <div class="preview" data-testid="quote-preview">
        <p class="label">Replying to</p>
        <demo-quoted-message class="quote" [message]="quoted" />
        <button
          type="button"
          class="button ghost icon"
          aria-label="Cancel the quote"
          title="Cancel the quote"
          (click)="channelService.selectMessageToQuote(undefined)"
        >
          <demo-close-icon [size]="16" />
        </button>
      </div>
    }
  `,
  styles: `
    .preview {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      gap: 2px var(--space-2);
      margin-bottom: var(--space-2);
    }
    .label {
      grid-column: 1 / -1;
      margin: 0;
      color: var(--muted);
      font-size: var(--text-xs);
    }
  `,
})
export class QuotePreview {
  protected readonly channelService = inject(ChannelService);
}
