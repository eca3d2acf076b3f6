import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
  afterNextRender,
  Injector,
} from '@angular/core';
import { SEEDED_USERS, SeededUser } from '../session/connect-choice';
import { clickedOutside, focusLeaves, moveMenuFocus } from '../shared/menu-keys';

/**
 * "Switch user": a menu button (WAI-ARIA menu pattern) listing the other seeded users.
 * ArrowDown, Enter or Space on the button opens it on the first user, ArrowUp on the last;
 * in the menu, the arrows move between users (wrapping), Home and End jump to the ends, Enter
 * or Space picks, Escape closes and gives focus back to the button, Tab or a click outside closes.
 */
@Component({
  selector: 'demo-switch-user-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'closeOnOutsideClick($event)',
  },
  template: `
    <button
      #toggle
      type="button"
      class="button"
      id="switch-user-button"
      aria-haspopup="menu"
      [attr.aria-expanded]="open()"
      [attr.aria-controls]="open() ? 'switch-user-list' : null"
      [disabled]="disabled()"
      (click)="open() ? close(false) : show('first')"
      (keydown)="onToggleKeydown($event)"
    >
      <svg class="phone-only" viewBox="0 0 20 20" aria-hidden="true" width="18" height="18">
        <path
          fill="currentColor"
          d="M8 3a3.2 3.2 0 1 1 0 6.4A3.2 3.2 0 0 1 8 3Zm0 7.6c3 0 5.6 1.5 5.6 3.6V16H2.4v-1.8c0-2.1 2.6-3.6 5.6-3.6ZM14.5 4l3 2.5-3 2.5V7.3h-2.3V5.7h2.3V4Z"
        />
      </svg>
      <span class="phone-hidden">Switch user</span>
      <svg viewBox="0 0 16 16" aria-hidden="true" width="14" height="14">
        <path fill="currentColor" d="M4 6l4 4 4-4H4z" />
      </svg>
    </button>
    @if (open()) {
      <div
        class="menu"
        id="switch-user-list"
        role="menu"
        tabindex="-1"
        aria-label="Switch to another user"
        (keydown)="onMenuKeydown($event)"
        (focusout)="closeOnFocusLeaving($event)"
      >
        @for (user of others(); track user.id) {
          <button type="button" class="item" role="menuitem" tabindex="-1" (click)="pick(user)">
            {{ user.name }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    :host {
      position: relative;
      display: inline-block;
    }
    :host > .button {
      width: 100%;
    }
    @media (max-width: 480px) {
      :host > .button {
        gap: var(--space-1);
        padding: 0 var(--space-2);
      }
    }
    .menu {
      position: absolute;
      right: 0;
      top: calc(100% + 6px);
      z-index: 5;
      display: grid;
      min-width: 180px;
      padding: 6px;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      box-shadow: var(--shadow-raised);
    }
    .item {
      padding: 9px var(--space-3);
      border: 0;
      border-radius: var(--radius-sm);
      background: none;
      color: var(--text);
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    .item:hover,
    .item:focus {
      background: var(--surface-muted);
    }
  `,
})
export class SwitchUserMenu {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly toggle = viewChild.required<ElementRef<HTMLButtonElement>>('toggle');

  /** The id of the connected user, left out of the list. */
  readonly currentUserId = input<string | undefined>();
  /** Whether the button is disabled (while connecting). */
  readonly disabled = input(false);
  /** Emits the user picked. */
  readonly switchTo = output<string>();

  protected readonly open = signal(false);
  protected readonly others = computed(() =>
    SEEDED_USERS.filter((user) => user.id !== this.currentUserId()),
  );

  protected show(focus: 'first' | 'last'): void {
    this.open.set(true);
    afterNextRender(() => this.focusItem(focus === 'first' ? 0 : -1), {
      injector: this.injector,
    });
  }

  protected close(restoreFocus: boolean): void {
    if (!this.open()) {
      return;
    }
    this.open.set(false);
    if (restoreFocus) {
      this.toggle().nativeElement.focus();
    }
  }

  protected onToggleKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.show(event.key === 'ArrowDown' ? 'first' : 'last');
    } else if (event.key === 'Escape') {
      this.close(true);
    }
  }

  protected onMenuKeydown(event: KeyboardEvent): void {
    if (!moveMenuFocus(event, this.items()) && event.key === 'Escape') {
      event.preventDefault();
      this.close(true);
    }
    // Enter and Space reach the focused item as a native button click.
  }

  protected closeOnFocusLeaving(event: FocusEvent): void {
    if (focusLeaves(this.host.nativeElement, event)) this.close(false);
  }

  protected closeOnOutsideClick(event: MouseEvent): void {
    if (clickedOutside(this.host.nativeElement, event)) this.close(false);
  }

  protected pick(user: SeededUser): void {
    this.close(true);
    this.switchTo.emit(user.id);
  }

  private items(): HTMLButtonElement[] {
    return [...this.host.nativeElement.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  /** Focuses the item at `index`, wrapping around at both ends (-1 is the last). */
  private focusItem(index: number): void {
    const items = this.items();
    items.at(((index % items.length) + items.length) % items.length)?.focus();
  }
}
