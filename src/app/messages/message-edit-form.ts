import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';

/** Edits a message's text in place: Enter or Save saves, Escape or Cancel leaves it as it was. */
@Component({
  selector: 'demo-message-edit-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (submit)="save($event)">
      <label class="visually-hidden" [for]="inputId()">Edit the message</label>
      <textarea
        #field
        class="input"
        rows="2"
        data-testid="edit-input"
        [id]="inputId()"
        [value]="draft()"
        (input)="draft.set($any($event.target).value)"
        (keydown)="onKeydown($event)"
      ></textarea>
      <div class="buttons">
        <button type="button" class="button" (click)="cancelled.emit()">Cancel</button>
        <button type="submit" class="button primary" [disabled]="!draft().trim()">Save</button>
      </div>
    </form>
  `,
  styles: `
    form {
      display: grid;
      gap: var(--space-2);
      width: min(28rem, 100%);
    }
    textarea {
      width: 100%;
      min-height: 60px;
      resize: vertical;
      field-sizing: content;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: var(--space-2);
    }
  `,
})
export class MessageEditForm {
  private readonly field = viewChild.required<ElementRef<HTMLTextAreaElement>>('field');

  /** The text before the edit. */
  readonly text = input.required<string>();
  /** The field's id (one per message). */
  readonly inputId = input.required<string>();
  /** Emits the new text. */
  readonly saved = output<string>();
  /** Emits when the user gives up. */
  readonly cancelled = output<void>();

  protected readonly draft = signal('');

  constructor() {
    afterNextRender(() => {
      this.draft.set(this.text());
      const field = this.field().nativeElement;
      field.value = this.text();
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    });
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.cancelled.emit();
    } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      this.save(event);
    }
  }

  protected save(event: Event): void {
    event.preventDefault();
    const text = this.draft().trim();
    if (text) this.saved.emit(text);
  }
}
