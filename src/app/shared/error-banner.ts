import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { DemoError } from '../session/demo-error';

/** Shows an error with its title and details, and a button to dismiss it. */
@Component({
  selector: 'demo-error-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="banner" role="alert" data-testid="error-banner">
      <svg viewBox="0 0 20 20" aria-hidden="true" class="icon">
        <path
          fill="currentColor"
          d="M10 1.7a8.3 8.3 0 1 0 0 16.6 8.3 8.3 0 0 0 0-16.6Zm-.9 4.2h1.8v5.5H9.1V5.9Zm.9 8.8a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z"
        />
      </svg>
      <div class="text">
        <p class="title">{{ error().title }}</p>
        <p class="detail">{{ error().detail }}</p>
      </div>
      <button type="button" class="button ghost" (click)="dismissed.emit()">Dismiss</button>
    </div>
  `,
  styles: `
    .banner {
      display: flex;
      align-items: flex-start;
      gap: var(--space-3);
      padding: var(--space-3) var(--space-3) var(--space-3) var(--space-4);
      border: 1px solid var(--danger-border);
      border-radius: var(--radius);
      background: var(--danger-surface);
      color: var(--danger);
    }
    .icon {
      flex: none;
      width: 20px;
      height: 20px;
      margin-top: 1px;
    }
    .text {
      flex: 1;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .title {
      margin: 0;
      font-weight: 600;
    }
    .detail {
      margin: 2px 0 0;
      color: var(--text);
    }
    .button {
      flex: none;
      color: var(--danger);
    }
  `,
})
export class ErrorBanner {
  /** The error to show. */
  readonly error = input.required<DemoError>();
  /** Emits when the user dismisses the banner. */
  readonly dismissed = output<void>();
}
