import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The "×" of the buttons that close or drop something (the thread, a quote). Decorative: the
 * button around it carries the label.
 */
@Component({
  selector: 'demo-close-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true' },
  template: `
    <svg viewBox="0 0 20 20" [attr.width]="size()" [attr.height]="size()">
      <path
        fill="currentColor"
        d="m5.4 4 4.6 4.6L14.6 4 16 5.4 11.4 10l4.6 4.6-1.4 1.4-4.6-4.6L5.4 16 4 14.6 8.6 10 4 5.4z"
      />
    </svg>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
  `,
})
export class CloseIcon {
  /** Width and height, in CSS pixels. */
  readonly size = input(18);
}
