import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A labelled line across the message list: a day ("Today") or the unread mark ("New messages"). */
@Component({
  selector: 'demo-list-separator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'separator',
    '[attr.aria-label]': 'label()',
    '[class.unread]': 'tone() === "unread"',
  },
  template: `<span class="label" aria-hidden="true">{{ label() }}</span>`,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: var(--space-3);
      margin: var(--space-3) 0;
      color: var(--muted);
      font-size: var(--text-xs);
      font-weight: 600;
    }
    :host::before,
    :host::after {
      content: '';
      flex: 1;
      height: 1px;
      background: var(--border);
    }
    .label {
      padding: 2px var(--space-3);
      border: 1px solid var(--border);
      border-radius: var(--radius-pill);
      background: var(--surface);
    }
    :host(.unread) {
      color: var(--danger);
    }
    :host(.unread)::before,
    :host(.unread)::after {
      background: var(--danger);
      opacity: 0.5;
    }
    :host(.unread) .label {
      border-color: var(--danger-border);
      background: var(--danger-surface);
    }
  `,
})
export class ListSeparator {
  /** The text on the line. */
  readonly label = input.required<string>();
  /** `day` for a date, `unread` for the first unread message. */
  readonly tone = input<'day' | 'unread'>('day');
}
