import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

/** "3 new messages ↓" (or "Jump to latest ↓"): floats over the list while the user reads above. */
@Component({
  selector: 'demo-new-messages-pill',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="pill" data-testid="new-messages-pill" (click)="jump.emit()">
      {{ label() }}
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path fill="currentColor" d="M7 2h2v8.2l3.3-3.3 1.4 1.4L8 14 2.3 8.3l1.4-1.4L7 10.2z" />
      </svg>
    </button>
  `,
  styles: `
    .pill {
      display: inline-flex;
      align-items: center;
      gap: var(--space-2);
      min-height: 34px;
      padding: 0 var(--space-4);
      border: 0;
      border-radius: var(--radius-pill);
      background: var(--accent-strong);
      color: var(--on-accent);
      box-shadow: var(--shadow-raised);
      font: inherit;
      font-size: var(--text-sm);
      font-weight: 600;
      cursor: pointer;
    }
    .pill:hover {
      background: var(--accent-hover);
    }
  `,
})
export class NewMessagesPill {
  /** How many messages arrived while the user was scrolled up; 0 just offers to jump down. */
  readonly count = input(0);
  /** Emits when the user asks to see the newest messages. */
  readonly jump = output<void>();

  protected readonly label = computed(() => {
    const count = this.count();
    if (count <= 0) {
      return 'Jump to latest';
    }
    return `${count} new ${count === 1 ? 'message' : 'messages'}`;
  });
}
