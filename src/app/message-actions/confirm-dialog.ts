import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';

let nextId = 0;

/**
 * A modal question with Cancel and a confirming button. Cancel has the focus when it opens; Tab
 * stays inside; Escape cancels; the focus goes back where it was.
 */
@Component({
  selector: 'demo-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="backdrop"></div>
    <div
      #dialog
      class="dialog"
      role="alertdialog"
      aria-modal="true"
      data-testid="confirm-dialog"
      [attr.aria-labelledby]="id + '-title'"
      [attr.aria-describedby]="id + '-text'"
      (keydown)="onKeydown($event)"
    >
      <h2 [id]="id + '-title'">{{ title() }}</h2>
      <p [id]="id + '-text'">{{ text() }}</p>
      <div class="buttons">
        <button #cancel type="button" class="button" (click)="cancelled.emit()">Cancel</button>
        <button
          type="button"
          class="button"
          [class.primary]="!danger()"
          [class.danger]="danger()"
          (click)="confirmed.emit()"
        >
          {{ confirmLabel() }}
        </button>
      </div>
    </div>
  `,
  styles: `
    .backdrop {
      position: fixed;
      inset: 0;
      z-index: 40;
      background: rgb(0 0 0 / 40%);
    }
    .dialog {
      position: fixed;
      top: 50%;
      left: 50%;
      z-index: 41;
      width: min(24rem, calc(100vw - 32px));
      padding: var(--space-5);
      border: 1px solid var(--border);
      border-radius: var(--radius-lg);
      background: var(--surface-raised);
      color: var(--text);
      box-shadow: var(--shadow-raised);
      translate: -50% -50%;
    }
    h2 {
      margin: 0 0 var(--space-2);
      font-size: var(--text-lg);
    }
    p {
      margin: 0 0 var(--space-4);
      color: var(--muted);
      overflow-wrap: anywhere;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: var(--space-2);
    }
    .button.danger {
      border-color: var(--danger-strong);
      background: var(--danger-strong);
      color: var(--on-accent);
    }
  `,
})
export class ConfirmDialog {
  private readonly dialog = viewChild.required<ElementRef<HTMLElement>>('dialog');
  private readonly cancelButton = viewChild.required<ElementRef<HTMLButtonElement>>('cancel');

  /** The question, as the dialog's title. */
  readonly title = input.required<string>();
  /** What will happen. */
  readonly text = input.required<string>();
  /** The confirming button's text. */
  readonly confirmLabel = input.required<string>();
  /** Whether confirming destroys something (a red button). */
  readonly danger = input(false);
  /** Emits when the user confirms. */
  readonly confirmed = output<void>();
  /** Emits when the user cancels. */
  readonly cancelled = output<void>();

  protected readonly id = `confirm-${++nextId}`;

  constructor() {
    const previous = document.activeElement as HTMLElement | null;
    afterNextRender(() => this.cancelButton().nativeElement.focus());
    inject(DestroyRef).onDestroy(() => {
      if (previous?.isConnected) previous.focus();
    });
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.cancelled.emit();
      return;
    }
    if (event.key !== 'Tab') return;
    const buttons = [...this.dialog().nativeElement.querySelectorAll<HTMLButtonElement>('button')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.shiftKey ? index - 1 : index + 1;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length].focus();
  }
}
