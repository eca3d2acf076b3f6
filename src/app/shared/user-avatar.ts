import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { hueOf, initialsOf } from './initials';

/**
 * A user's picture, or their initials on a color of their own, with an optional presence dot.
 * Decorative: the name is always written next to it.
 */
@Component({
  selector: 'demo-user-avatar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'aria-hidden': 'true',
    '[class.large]': 'size() === "large"',
    '[class.small]': 'size() === "small"',
  },
  template: `
    @if (image()) {
      <img [src]="image()" alt="" />
    } @else {
      <span class="initials" [style.background-color]="color()">{{ initials() }}</span>
    }
    @if (online() !== undefined) {
      <span class="dot" [class.online]="online()" data-testid="presence-dot"></span>
    }
  `,
  styles: `
    :host {
      --avatar-size: 36px;
      position: relative;
      display: inline-flex;
      flex: none;
      width: var(--avatar-size);
      height: var(--avatar-size);
    }
    :host(.large) {
      --avatar-size: 44px;
    }
    :host(.small) {
      --avatar-size: 28px;
    }
    img,
    .initials {
      width: 100%;
      height: 100%;
      border-radius: 50%;
      object-fit: cover;
    }
    .initials {
      display: grid;
      place-items: center;
      color: #fff;
      font-weight: 600;
      font-size: calc(var(--avatar-size) * 0.38);
      letter-spacing: 0.02em;
    }
    .dot {
      position: absolute;
      right: -1px;
      bottom: -1px;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: var(--muted-light);
      border: 2px solid var(--surface);
    }
    .dot.online {
      background: var(--success);
    }
  `,
})
export class UserAvatar {
  /** The user's name; its initials are shown when there is no image. */
  readonly name = input<string | undefined>();
  /** The URL of the user's picture. */
  readonly image = input<string | undefined>();
  /** Whether the user is online; no dot when `undefined`. */
  readonly online = input<boolean | undefined>();
  /** 36 px by default; `large` is 44 px, `small` 28 px. */
  readonly size = input<'small' | 'medium' | 'large'>('medium');

  protected readonly initials = computed(() => initialsOf(this.name()));
  protected readonly color = computed(() => `hsl(${hueOf(this.name())} 45% 38%)`);
}
