import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ChannelService } from 'ngx-stream-chat';
import { DemoSession } from '../session/demo-session.service';

/**
 * Writes a message: Enter sends, Shift+Enter adds a line. Tells the others while the user types.
 * When the user may not write, it is disabled and says why.
 */
@Component({
  selector: 'demo-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (submit)="submit($event)">
      <ng-content select="[composerQuote]" />
      @if (disabledReason(); as reason) {
        <p class="reason" id="composer-reason" data-testid="composer-disabled-reason">
          <svg viewBox="0 0 16 16" aria-hidden="true" width="14" height="14">
            <path
              fill="currentColor"
              d="M8 1a3 3 0 0 0-3 3v2H4a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V7a1 1 0 0 0-1-1h-1V4a3 3 0 0 0-3-3Zm-1.5 3a1.5 1.5 0 0 1 3 0v2h-3V4Z"
            />
          </svg>
          {{ reason }}
        </p>
      }
      <div class="row">
        <label class="visually-hidden" for="composer-input">Message {{ channelName() }}</label>
        <textarea
          id="composer-input"
          class="input"
          rows="1"
          [value]="text()"
          [disabled]="!!disabledReason()"
          [placeholder]="disabledReason() ? 'Read only' : 'Message ' + channelName()"
          [attr.aria-describedby]="disabledReason() ? 'composer-reason' : 'composer-hint'"
          (input)="onInput($event)"
          (keydown)="onKeydown($event)"
          (blur)="stopTyping()"
        ></textarea>
        <button type="submit" class="button primary" [disabled]="!canSend()">Send</button>
      </div>
      <p id="composer-hint" class="visually-hidden">Enter sends; Shift+Enter starts a new line.</p>
    </form>
  `,
  styles: `
    :host {
      display: block;
      padding: var(--space-2) var(--space-4) var(--space-4);
    }
    .row {
      display: flex;
      align-items: flex-end;
      gap: var(--space-2);
    }
    textarea {
      flex: 1;
      min-height: 42px;
      max-height: 160px;
      resize: none;
      field-sizing: content;
      line-height: 1.4;
    }
    textarea:disabled {
      background: var(--surface-muted);
    }
    .button {
      min-height: 42px;
    }
    .reason {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 0 0 var(--space-2);
      padding: var(--space-2) var(--space-3);
      border-radius: var(--radius-sm);
      background: var(--warning-surface);
      color: var(--warning);
      font-size: var(--text-sm);
      font-weight: 500;
    }
    .reason svg {
      flex: none;
    }
  `,
})
export class Composer {
  private readonly channelService = inject(ChannelService);
  private readonly session = inject(DemoSession);

  /** The active channel's name, for the label and placeholder. */
  readonly channelName = input.required<string>();
  /** Why the user may not write here; writing is allowed when `undefined`. */
  readonly disabledReason = input<string | undefined>();

  protected readonly text = signal('');
  protected readonly canSend = computed(() => !this.disabledReason() && !!this.text().trim());
  private typing = false;

  protected onInput(event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.text.set(value);
    if (value.trim()) {
      this.typing = true;
      this.channelService.typingStarted().catch(ignoreTypingFailure);
    } else {
      this.stopTyping();
    }
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.send();
    }
  }

  protected submit(event: Event): void {
    event.preventDefault();
    void this.send();
  }

  protected stopTyping(): void {
    if (this.typing) {
      this.typing = false;
      this.channelService.typingStopped().catch(ignoreTypingFailure);
    }
  }

  private async send(): Promise<void> {
    const text = this.text().trim();
    if (!text || this.disabledReason()) {
      return;
    }
    this.text.set('');
    this.stopTyping();
    try {
      // A failed send stays in the list with a "Retry" button; only other errors land here.
      const quoted = this.channelService.messageToQuote();
      await this.channelService.sendMessage(text, undefined, undefined, undefined, quoted?.id);
      if (quoted) this.channelService.selectMessageToQuote(undefined);
    } catch (error) {
      this.session.report('Could not send the message', error);
    }
  }
}

/** Typing events are best effort: a lost one only hides "is typing…" for a moment. */
function ignoreTypingFailure(): void {
  // Nothing to do.
}
