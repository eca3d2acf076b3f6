import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { UserAvatar } from '../shared/user-avatar';
import { MemberPresence } from './channel-presence';

/** How many faces are shown before "+N". */
const MAX_FACES = 4;

/** A row of overlapping member avatars with presence dots, online members first. */
@Component({
  selector: 'demo-member-faces',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UserAvatar],
  template: `
    <ul aria-label="Members">
      @for (member of shown(); track member.id) {
        <li [attr.title]="member.name + (member.online ? ', online' : ', offline')">
          <demo-user-avatar
            [name]="member.name"
            [image]="member.image"
            [online]="member.online"
            size="small"
          />
          <span class="visually-hidden"
            >{{ member.name }}, {{ member.online ? 'online' : 'offline' }}</span
          >
        </li>
      }
      @if (hidden() > 0) {
        <li class="more">+{{ hidden() }}<span class="visually-hidden"> more</span></li>
      }
    </ul>
  `,
  styles: `
    ul {
      display: flex;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      border-radius: 50%;
      box-shadow: 0 0 0 2px var(--surface);
    }
    li + li {
      margin-left: -6px;
    }
    .more {
      display: grid;
      place-items: center;
      width: 28px;
      height: 28px;
      background: var(--surface-muted);
      color: var(--muted);
      font-size: var(--text-xs);
      font-weight: 600;
    }
  `,
})
export class MemberFaces {
  /** The members, in the order to show them. */
  readonly members = input.required<readonly MemberPresence[]>();

  protected readonly shown = computed(() => this.members().slice(0, MAX_FACES));
  protected readonly hidden = computed(() => Math.max(0, this.members().length - MAX_FACES));
}
