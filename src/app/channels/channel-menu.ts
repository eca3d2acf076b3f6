import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { Channel } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { ChannelAction, channelActions } from './channel-actions';
import { ChannelMembersDialog } from './channel-members-dialog';
import { ChannelStateChanges } from './channel-state-changes';
import { clickedOutside, focusLeaves, moveMenuFocus } from '../shared/menu-keys';

/**
 * "Channel options" in the channel's header: a menu button (WAI-ARIA menu pattern, as "Switch
 * user") with "Members…", mute, pin, archive and, for moderators, the slow-mode choices. Arrow
 * keys move, Home and End jump, Escape closes and gives the focus back.
 */
@Component({
  selector: 'demo-channel-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChannelMembersDialog],
  host: {
    '(document:click)': 'closeOnOutsideClick($event)',
    '[hidden]': 'session.readOnly()',
  },
  template: `
    <button
      #toggle
      type="button"
      class="button ghost icon"
      aria-label="Channel options"
      aria-haspopup="menu"
      [attr.aria-expanded]="open()"
      [attr.aria-controls]="open() ? 'channel-menu' : null"
      (click)="open() ? close(false) : show(0)"
      (keydown)="onToggleKeydown($event)"
    >
      <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
        <path
          fill="currentColor"
          d="M10 4.5a1.6 1.6 0 1 1 0-3.2 1.6 1.6 0 0 1 0 3.2Zm0 7.1a1.6 1.6 0 1 1 0-3.2 1.6 1.6 0 0 1 0 3.2Zm0 7.1a1.6 1.6 0 1 1 0-3.2 1.6 1.6 0 0 1 0 3.2Z"
        />
      </svg>
    </button>
    @if (open()) {
      <div
        class="menu"
        id="channel-menu"
        role="menu"
        aria-label="Channel options"
        tabindex="-1"
        (keydown)="onMenuKeydown($event)"
        (focusout)="closeOnFocusLeaving($event)"
      >
        <button type="button" class="item" role="menuitem" tabindex="-1" (click)="openMembers()">
          Members…
        </button>
        @for (action of actions(); track action.id) {
          @if (action.checked === undefined) {
            <button
              type="button"
              class="item"
              role="menuitem"
              tabindex="-1"
              [attr.data-action]="action.id"
              (click)="run(action)"
            >
              {{ action.label }}
            </button>
          } @else {
            <button
              type="button"
              class="item"
              role="menuitemradio"
              tabindex="-1"
              [attr.aria-checked]="action.checked"
              [attr.data-action]="action.id"
              (click)="run(action)"
            >
              <span class="check" aria-hidden="true">{{ action.checked ? '✓' : '' }}</span>
              {{ action.label }}
            </button>
          }
        }
      </div>
    }
    <demo-channel-members-dialog #members [channel]="channel()" />
  `,
  styles: `
    :host {
      position: relative;
      display: inline-block;
    }
    .menu {
      position: absolute;
      right: 0;
      top: calc(100% + 6px);
      z-index: 6;
      display: grid;
      min-width: 200px;
      padding: 6px;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface-raised);
      box-shadow: var(--shadow-raised);
    }
    .item {
      display: flex;
      align-items: center;
      gap: var(--space-2);
      padding: 9px var(--space-3);
      border: 0;
      border-radius: var(--radius-sm);
      background: none;
      color: var(--text);
      font: inherit;
      text-align: left;
      white-space: nowrap;
      cursor: pointer;
    }
    .item:hover,
    .item:focus {
      background: var(--surface-muted);
    }
    [role='menuitemradio'] {
      padding-left: var(--space-2);
    }
    .check {
      width: 1em;
      color: var(--accent);
    }
  `,
})
export class ChannelMenu {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly session = inject(DemoSession);
  private readonly changes = inject(ChannelStateChanges);
  private readonly toggle = viewChild.required<ElementRef<HTMLButtonElement>>('toggle');
  private readonly members = viewChild.required(ChannelMembersDialog);

  /** The channel the menu acts on. */
  readonly channel = input.required<Channel>();

  protected readonly open = signal(false);
  protected readonly actions = computed(() => {
    this.changes.version();
    return channelActions(this.channel());
  });

  protected show(index: number): void {
    this.open.set(true);
    afterNextRender(() => this.focusItem(index), { injector: this.injector });
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
      this.show(event.key === 'ArrowDown' ? 0 : -1);
    }
  }

  protected onMenuKeydown(event: KeyboardEvent): void {
    if (!moveMenuFocus(event, this.items()) && event.key === 'Escape') {
      event.preventDefault();
      this.close(true);
    }
  }

  protected closeOnFocusLeaving(event: FocusEvent): void {
    if (focusLeaves(this.host.nativeElement, event)) this.close(false);
  }

  protected closeOnOutsideClick(event: MouseEvent): void {
    if (clickedOutside(this.host.nativeElement, event)) this.close(false);
  }

  protected openMembers(): void {
    this.close(false);
    this.members().show(this.toggle().nativeElement);
  }

  protected async run(action: ChannelAction): Promise<void> {
    this.close(true);
    try {
      await action.run(this.channel());
    } catch (error) {
      this.session.report(`Could not change the channel (${action.label.toLowerCase()})`, error);
    }
  }

  private items(): HTMLElement[] {
    return [...this.host.nativeElement.querySelectorAll<HTMLElement>('.menu .item')];
  }

  private focusItem(index: number): void {
    const items = this.items();
    items.at(index)?.focus();
  }
}
