import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { ChannelService } from 'ngx-stream-chat';
import { TypingReporter, isSendKey } from '../composer/typing-reporter';
import { DemoSession } from '../session/demo-session.service';

/**
 * Writes a reply in the open thread: Enter sends (`sendMessage()` with the parent's id),
 * Shift+Enter adds a line; the others see "is typing" in the thread while the user types. It has
 * the focus when the thread opens.
 */
@Component({
  selector: 'demo-thread-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (submit)="submit($event)">
      <label class="visually-hidden" for="thread-input">Reply in the thread</label>
      <textarea
        #field
        id="thread-input"
        class="input"
        rows="1"
        placeholder="Reply…"
        [value]="text()"
        [disabled]="disabled()"
        (input)="onInput($event)"
        (keydown)="onKeydown($event)"
        (blur)="stopTyping()"
      ></textarea>
      <button type="submit" class="button primary" [disabled]="!canSend()">Reply</button>
    </form>
  `,
  styles: `
    form {
      display: flex;
      align-items: flex-end;
      gap: var(--space-2);
      padding: var(--space-2) var(--space-4) var(--space-4);
    }
    textarea {
      flex: 1;
      min-width: 0;
      min-height: 42px;
      max-height: 140px;
      resize: none;
      field-sizing: content;
    }
    .button {
      min-height: 42px;
    }
  `,
})
export class ThreadComposer {
  private readonly channelService = inject(ChannelService);
  private readonly session = inject(DemoSession);
  private readonly field = viewChild.required<ElementRef<HTMLTextAreaElement>>('field');

  /** The thread's parent message id. */
  readonly parentId = input.required<string>();
  /** Whether the user may not reply here. */
  readonly disabled = input(false);

  protected readonly text = signal('');
  protected readonly canSend = computed(() => !this.disabled() && !!this.text().trim());
  private readonly typing = new TypingReporter(this.channelService, () => this.parentId());

  constructor() {
    afterNextRender(() => this.field().nativeElement.focus());
  }

  protected onInput(event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.text.set(value);
    this.typing.changed(value);
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (isSendKey(event)) {
      event.preventDefault();
      void this.send();
    }
  }

  protected submit(event: Event): void {
    event.preventDefault();
    void this.send();
  }

  protected stopTyping(): void {
    this.typing.stopped();
  }

  private async send(): Promise<void> {
    const text = this.text().trim();
    if (!this.canSend()) return;
    this.text.set('');
    this.stopTyping();
    try {
      // A failed reply stays in the thread with a "Retry" button; only other errors land here.
      await this.channelService.sendMessage(text, undefined, undefined, this.parentId());
    } catch (error) {
      this.session.report('Could not send the reply', error);
    }
  }
}
