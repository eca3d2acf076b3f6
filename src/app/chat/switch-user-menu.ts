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

/**
 * "Switch user": a button that opens a list of the other seeded users. Escape or a click
 * outside closes it and gives focus back to the button.
 */
@Component({
  selector: 'demo-switch-user-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'closeOnOutsideClick($event)',
    '(keydown.escape)': 'close(true)',
  },
  template: `
    <button
      #toggle
      type="button"
      class="button"
      aria-haspopup="true"
      [attr.aria-expanded]="open()"
      aria-controls="switch-user-list"
      [disabled]="disabled()"
      (click)="open() ? close(false) : show()"
    >
      Switch user
      <svg viewBox="0 0 16 16" aria-hidden="true" width="14" height="14">
        <path fill="currentColor" d="M4 6l4 4 4-4H4z" />
      </svg>
    </button>
    @if (open()) {
      <div class="menu" id="switch-user-list" role="group" aria-label="Switch to another user">
        @for (user of others(); track user.id) {
          <button type="button" class="item" (click)="pick(user)">{{ user.name }}</button>
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
      box-shadow: 0 8px 24px rgb(16 24 40 / 14%);
    }
    .item {
      padding: 9px 10px;
      border: 0;
      border-radius: 6px;
      background: none;
      color: var(--text);
      font: inherit;
      text-align: left;
      cursor: pointer;
    }
    .item:hover {
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

  protected show(): void {
    this.open.set(true);
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLButtonElement>('.item')?.focus(),
      { injector: this.injector },
    );
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

  protected closeOnOutsideClick(event: MouseEvent): void {
    if (!this.host.nativeElement.contains(event.target as Node)) {
      this.close(false);
    }
  }

  protected pick(user: SeededUser): void {
    this.open.set(false);
    this.switchTo.emit(user.id);
  }
}
