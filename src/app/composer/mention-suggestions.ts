import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { UserResponse } from 'stream-chat';
import { UserAvatar } from '../shared/user-avatar';

/**
 * The members matching an "@mention" being typed, as a listbox the composer's text area controls
 * (`aria-activedescendant`): the text area keeps the focus and the arrow keys move `activeIndex`.
 */
@Component({
  selector: 'demo-mention-suggestions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UserAvatar],
  template: `
    <ul class="list" role="listbox" [id]="listId()" aria-label="Members to mention">
      @for (user of users(); track user.id; let index = $index) {
        <li
          role="option"
          class="option"
          [id]="optionId(index)"
          [attr.aria-selected]="index === activeIndex()"
          tabindex="-1"
          (mousedown)="$event.preventDefault()"
          (click)="picked.emit(user)"
          (keydown.enter)="picked.emit(user)"
        >
          <demo-user-avatar [name]="user.name || user.id" [image]="imageOf(user)" size="small" />
          <span class="name">{{ user.name || user.id }}</span>
          <span class="id">&#64;{{ user.id }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .list {
      display: grid;
      gap: 2px;
      max-height: 240px;
      margin: 0;
      padding: 6px;
      overflow-y: auto;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface-raised);
      box-shadow: var(--shadow-raised);
      list-style: none;
    }
    .option {
      display: flex;
      align-items: center;
      gap: var(--space-2);
      padding: 6px var(--space-2);
      border-radius: var(--radius-sm);
      cursor: pointer;
    }
    .option:hover,
    .option[aria-selected='true'] {
      background: var(--accent-surface);
    }
    .name {
      font-weight: 500;
    }
    .id {
      color: var(--muted);
      font-size: var(--text-sm);
    }
  `,
})
export class MentionSuggestions {
  /** The matching users. */
  readonly users = input.required<UserResponse[]>();
  /** The highlighted option. */
  readonly activeIndex = input(0);
  /** The listbox's id, for the text area's `aria-controls`. */
  readonly listId = input('mention-suggestions');
  /** Emits the user picked with the mouse (the keyboard picks through the composer). */
  readonly picked = output<UserResponse>();

  /** The id of option `index`, for `aria-activedescendant`. */
  optionId(index: number): string {
    return `${this.listId()}-${index}`;
  }

  protected imageOf(user: UserResponse): string | undefined {
    return typeof user.image === 'string' ? user.image : undefined;
  }
}
