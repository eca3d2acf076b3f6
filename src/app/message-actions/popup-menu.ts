import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';

/** One entry of a popup menu. */
export interface PopupMenuItem {
  id: string;
  /** What the entry shows. */
  text: string;
  /** Its accessible name, when `text` alone does not say it (an emoji). */
  label?: string;
  /** For toggles: whether it is on (a `menuitemcheckbox`). */
  checked?: boolean;
  /** Whether it destroys something. */
  danger?: boolean;
}

/** Where the open menu sits in the window (it is fixed, so scrolling lists cannot clip it). */
interface MenuPosition {
  top: number | null;
  bottom: number | null;
  right: number;
}

/** Room the menu needs below its button, else it opens upwards. */
const ROOM_BELOW_PX = 260;

/**
 * An icon button that opens a menu, as the WAI-ARIA menu button pattern has it: Enter, Space or
 * ArrowDown open it on the first entry (ArrowUp on the last); arrows (Left/Right too for a row),
 * Home and End move; Enter picks; Escape closes and gives the focus back to the button; Tab, a
 * click elsewhere or leaving the focus closes it.
 */
@Component({
  selector: 'demo-popup-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:pointerdown)': 'onDocumentPointerDown($event)' },
  template: `
    <button
      #trigger
      type="button"
      class="trigger"
      aria-haspopup="menu"
      [attr.aria-expanded]="open()"
      [attr.aria-label]="label()"
      [attr.title]="label()"
      (click)="toggle()"
      (keydown)="onTriggerKeydown($event)"
    >
      @if (icon() === 'react') {
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm0 1.6a6.4 6.4 0 1 1 0 12.8 6.4 6.4 0 0 1 0-12.8ZM7.2 7.4a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4Zm5.6 0a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4Zm-6.3 4.2a3.8 3.8 0 0 0 7 0l-1.5-.6a2.2 2.2 0 0 1-4 0l-1.5.6Z"
          />
        </svg>
      } @else {
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M4.5 8.3a1.7 1.7 0 1 0 0 3.4 1.7 1.7 0 0 0 0-3.4Zm5.5 0a1.7 1.7 0 1 0 0 3.4 1.7 1.7 0 0 0 0-3.4Zm5.5 0a1.7 1.7 0 1 0 0 3.4 1.7 1.7 0 0 0 0-3.4Z"
          />
        </svg>
      }
    </button>
    @if (open()) {
      <div
        #menu
        class="menu"
        role="menu"
        tabindex="-1"
        [class.row]="orientation() === 'horizontal'"
        [attr.aria-label]="label()"
        [attr.aria-orientation]="orientation()"
        [style.top.px]="position().top"
        [style.bottom.px]="position().bottom"
        [style.right.px]="position().right"
        (keydown)="onMenuKeydown($event)"
        (focusout)="onFocusOut($event)"
      >
        @for (item of items(); track item.id) {
          <button
            type="button"
            tabindex="-1"
            [attr.role]="item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'"
            [attr.aria-checked]="item.checked ?? null"
            [attr.aria-label]="item.label ?? null"
            [attr.title]="item.label ?? null"
            [class.danger]="item.danger"
            (click)="pick(item.id)"
          >
            {{ item.text }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .trigger {
      display: inline-grid;
      place-items: center;
      width: 30px;
      height: 30px;
      padding: 0;
      border: 1px solid transparent;
      border-radius: var(--radius-pill);
      background: transparent;
      color: var(--muted);
      cursor: pointer;
    }
    .trigger:hover,
    .trigger[aria-expanded='true'] {
      border-color: var(--border);
      background: var(--surface-raised);
      color: var(--text);
    }
    .menu {
      position: fixed;
      z-index: 30;
      display: grid;
      min-width: 10rem;
      max-width: calc(100vw - 16px);
      padding: var(--space-1);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface-raised);
      box-shadow: var(--shadow-raised);
    }
    .menu.row {
      display: flex;
      min-width: 0;
      gap: 2px;
      border-radius: var(--radius-pill);
    }
    .menu button {
      min-height: 36px;
      padding: 0 var(--space-3);
      border: 0;
      border-radius: var(--radius-sm);
      background: transparent;
      color: var(--text);
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    .menu.row button {
      min-width: 38px;
      padding: 0 var(--space-1);
      border-radius: var(--radius-pill);
      font-size: 20px;
      text-align: center;
    }
    .menu button:hover,
    .menu button:focus-visible {
      background: var(--hover);
    }
    .menu button[aria-checked='true'] {
      background: var(--accent-surface);
    }
    .menu button.danger {
      color: var(--danger);
    }
  `,
})
export class PopupMenu {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly trigger = viewChild.required<ElementRef<HTMLButtonElement>>('trigger');
  private readonly menu = viewChild<ElementRef<HTMLElement>>('menu');

  /** The button's accessible name, also the menu's. */
  readonly label = input.required<string>();
  /** The button's icon. */
  readonly icon = input<'more' | 'react'>('more');
  /** The entries. */
  readonly items = input.required<readonly PopupMenuItem[]>();
  /** A list (the default) or a row (the reaction picker). */
  readonly orientation = input<'vertical' | 'horizontal'>('vertical');
  /** Emits the id of the entry the user picks; the menu closes. */
  readonly picked = output<string>();

  protected readonly open = signal(false);
  protected readonly position = signal<MenuPosition>({ top: 0, bottom: null, right: 0 });

  protected toggle(): void {
    if (this.open()) {
      this.close(true);
    } else {
      this.show(0);
    }
  }

  protected onTriggerKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.show(event.key === 'ArrowDown' ? 0 : -1);
    }
  }

  protected onMenuKeydown(event: KeyboardEvent): void {
    const entries = this.entries();
    const current = entries.indexOf(document.activeElement as HTMLButtonElement);
    const horizontal = this.orientation() === 'horizontal';
    const next = (horizontal ? ['ArrowRight', 'ArrowDown'] : ['ArrowDown']).includes(event.key);
    const previous = (horizontal ? ['ArrowLeft', 'ArrowUp'] : ['ArrowUp']).includes(event.key);
    let target: number | undefined;
    if (next) target = (current + 1) % entries.length;
    else if (previous) target = (current - 1 + entries.length) % entries.length;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = entries.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
      return;
    } else if (event.key === 'Tab') {
      this.close(false);
      return;
    }
    if (target !== undefined) {
      event.preventDefault();
      entries[target]?.focus();
    }
  }

  protected onFocusOut(event: FocusEvent): void {
    const to = event.relatedTarget as Node | null;
    if (to && !this.host.nativeElement.contains(to)) {
      this.close(false);
    }
  }

  protected onDocumentPointerDown(event: Event): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) {
      this.close(false);
    }
  }

  protected pick(id: string): void {
    this.close(true);
    this.picked.emit(id);
  }

  private show(focusIndex: number): void {
    const rect = this.trigger().nativeElement.getBoundingClientRect();
    const below = window.innerHeight - rect.bottom >= ROOM_BELOW_PX;
    this.position.set({
      top: below ? rect.bottom + 4 : null,
      bottom: below ? null : window.innerHeight - rect.top + 4,
      right: Math.max(8, window.innerWidth - rect.right),
    });
    this.open.set(true);
    afterNextRender(() => this.entries().at(focusIndex)?.focus(), { injector: this.injector });
  }

  private close(focusTrigger: boolean): void {
    if (!this.open()) return;
    this.open.set(false);
    if (focusTrigger) this.trigger().nativeElement.focus();
  }

  private entries(): HTMLButtonElement[] {
    const menu = this.menu()?.nativeElement;
    return menu ? [...menu.querySelectorAll<HTMLButtonElement>('button')] : [];
  }
}
