import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ThemePreference } from './theme-preference';

/** A button that switches between the light and the dark theme (a toggle: "Dark theme" on/off). */
@Component({
  selector: 'demo-theme-toggle',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="button ghost icon"
      aria-label="Dark theme"
      data-testid="theme-toggle"
      [attr.aria-pressed]="dark()"
      [attr.title]="dark() ? 'Switch to the light theme' : 'Switch to the dark theme'"
      (click)="preference.toggle()"
    >
      @if (dark()) {
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <circle cx="10" cy="10" r="3.5" fill="currentColor" />
          <path
            stroke="currentColor"
            stroke-width="1.6"
            stroke-linecap="round"
            d="M10 1.8v2M10 16.2v2M1.8 10h2M16.2 10h2M4.2 4.2l1.4 1.4M14.4 14.4l1.4 1.4M4.2 15.8l1.4-1.4M14.4 5.6l1.4-1.4"
          />
        </svg>
      } @else {
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <path fill="currentColor" d="M15.5 12.6A6.5 6.5 0 0 1 7.4 4.5a6.5 6.5 0 1 0 8.1 8.1Z" />
        </svg>
      }
    </button>
  `,
})
export class ThemeToggle {
  protected readonly preference = inject(ThemePreference);
  protected readonly dark = computed(() => this.preference.theme() === 'dark');
}
