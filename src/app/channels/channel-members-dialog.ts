import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { ChatClientService } from 'ngx-stream-chat';
import type { Channel, UserResponse } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import { UserAvatar } from '../shared/user-avatar';
import { ChannelStateChanges } from './channel-state-changes';
import { MemberRow, memberRows } from './member-rows';
import { PresenceChanges } from './presence-changes';

/**
 * The channel's members in a modal dialog (the browser's `<dialog>`: focus stays inside, Escape
 * closes): presence, role, invitation (pending or declined) and ban; "Mute" and "Unmute" for each other member, "Ban"
 * and "Unban" when the user has `ban-channel-members`, and people to invite when they have
 * `update-channel-members`.
 */
@Component({
  selector: 'demo-channel-members-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UserAvatar],
  template: `
    <dialog #dialog aria-labelledby="members-heading" (close)="onClose()">
      <header>
        <h2 id="members-heading">Members</h2>
        <button type="button" class="button ghost" (click)="dialog.close()">Close</button>
      </header>
      <ul class="rows" aria-labelledby="members-heading">
        @for (member of rows(); track member.id) {
          <li class="row" data-testid="member-row" [attr.data-user-id]="member.id">
            <demo-user-avatar
              [name]="member.name"
              [image]="member.image"
              [online]="member.online"
            />
            <span class="who">
              <span class="name">{{ member.own ? member.name + ' (you)' : member.name }}</span>
              <span class="tags">
                <span class="visually-hidden">{{ member.online ? 'online' : 'offline' }}</span>
                @if (member.moderator) {
                  <span class="tag">Moderator</span>
                }
                @if (member.invited) {
                  <span class="tag" data-testid="member-invited">Invited</span>
                }
                @if (member.declined) {
                  <span class="tag" data-testid="member-declined">Declined the invitation</span>
                }
                @if (member.banned) {
                  <span class="tag danger" data-testid="member-banned">Banned</span>
                }
                @if (member.muted) {
                  <span class="tag" data-testid="member-muted">Muted</span>
                }
              </span>
            </span>
            @if (!member.own) {
              <span class="actions">
                <button type="button" class="button small" (click)="toggleMute(member)">
                  {{ member.muted ? 'Unmute' : 'Mute'
                  }}<span class="visually-hidden"> {{ member.name }}</span>
                </button>
                @if (canBan()) {
                  <button type="button" class="button small danger" (click)="toggleBan(member)">
                    {{ member.banned ? 'Unban' : 'Ban'
                    }}<span class="visually-hidden"> {{ member.name }}</span>
                  </button>
                }
              </span>
            }
          </li>
        }
      </ul>
      @if (canInvite()) {
        <h3 id="invite-heading">Invite people</h3>
        @if (invitable().length > 0) {
          <ul class="rows" aria-labelledby="invite-heading">
            @for (user of invitable(); track user.id) {
              <li class="row">
                <demo-user-avatar [name]="user.name || user.id" />
                <span class="who"
                  ><span class="name">{{ user.name || user.id }}</span></span
                >
                <button type="button" class="button small" (click)="invite(user)">
                  Invite<span class="visually-hidden"> {{ user.name || user.id }}</span>
                </button>
              </li>
            }
          </ul>
        } @else {
          <p class="note">Everyone is already here.</p>
        }
      }
    </dialog>
  `,
  styles: `
    dialog {
      width: min(440px, calc(100vw - 24px));
      max-height: min(560px, calc(100dvh - 24px));
      padding: var(--space-4);
      border: 1px solid var(--border);
      border-radius: var(--radius-lg);
      background: var(--surface);
      color: var(--text);
      box-shadow: var(--shadow-raised);
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 35%);
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    h2,
    h3 {
      margin: 0;
      font-size: var(--text-lg);
    }
    h3 {
      margin-top: var(--space-4);
      font-size: var(--text-md);
    }
    .rows {
      display: grid;
      gap: var(--space-1);
      margin: var(--space-2) 0 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: flex;
      align-items: center;
      gap: var(--space-3);
      padding: var(--space-1) 0;
    }
    .who {
      display: grid;
      flex: 1;
      min-width: 0;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-weight: 500;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-1);
    }
    .tag {
      padding: 0 6px;
      border-radius: var(--radius-sm);
      background: var(--surface-muted);
      color: var(--muted);
      font-size: var(--text-xs);
    }
    .tag.danger {
      background: var(--danger-surface);
      color: var(--danger);
    }
    .actions {
      display: flex;
      gap: var(--space-1);
    }
    .small {
      min-height: 30px;
      padding: 0 var(--space-2);
    }
    .button.danger {
      color: var(--danger);
    }
    .note {
      color: var(--muted);
    }
  `,
})
export class ChannelMembersDialog {
  private readonly chatService = inject(ChatClientService);
  private readonly session = inject(DemoSession);
  private readonly changes = inject(ChannelStateChanges);
  private readonly presence = inject(PresenceChanges);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  /** The channel whose members to show. */
  readonly channel = input.required<Channel>();

  private readonly refresh = signal(0);
  private returnFocus: HTMLElement | undefined;
  protected readonly invitable = signal<UserResponse[]>([]);

  private readonly capabilities = computed(() => {
    this.changes.version();
    const capabilities = this.channel().data?.own_capabilities;
    return Array.isArray(capabilities) ? capabilities : [];
  });
  protected readonly canBan = computed(() => this.capabilities().includes('ban-channel-members'));
  protected readonly canInvite = computed(() =>
    this.capabilities().includes('update-channel-members'),
  );
  protected readonly rows = computed(() => {
    this.changes.version();
    this.presence.version();
    this.refresh();
    const muted = new Set(
      (this.chatService.chatClient?.mutedUsers ?? []).map((mute) => mute.target?.id),
    );
    return memberRows(this.channel(), this.chatService.user()?.id, muted as Set<string>);
  });

  /** Opens the dialog; the focus goes back to `returnFocus` when it closes. */
  show(returnFocus?: HTMLElement): void {
    this.returnFocus = returnFocus;
    this.refresh.update((n) => n + 1);
    this.dialog().nativeElement.showModal();
    if (this.canInvite()) {
      void this.loadInvitable();
    }
  }

  protected onClose(): void {
    this.returnFocus?.focus();
  }

  protected async toggleMute(member: MemberRow): Promise<void> {
    const client = this.chatService.chatClient;
    if (!client) return;
    await this.attempt(`Could not ${member.muted ? 'unmute' : 'mute'} ${member.name}`, () =>
      member.muted ? client.unmuteUser(member.id) : client.muteUser(member.id),
    );
  }

  protected async toggleBan(member: MemberRow): Promise<void> {
    const channel = this.channel();
    await this.attempt(`Could not ${member.banned ? 'unban' : 'ban'} ${member.name}`, () =>
      member.banned
        ? channel.unbanUser(member.id)
        : channel.banUser(member.id, { reason: 'Banned from the demo' }),
    );
  }

  protected async invite(user: UserResponse): Promise<void> {
    const done = await this.attempt(`Could not invite ${user.name || user.id}`, () =>
      this.channel().inviteMembers([user.id]),
    );
    if (done) {
      this.invitable.update((users) => users.filter((candidate) => candidate.id !== user.id));
    }
  }

  private async loadInvitable(): Promise<void> {
    const client = this.chatService.chatClient;
    const memberIds = Object.keys(this.channel().state?.members ?? {});
    if (!client) return;
    await this.attempt('Could not list the people to invite', async () => {
      // People with accounts (not guests), members left out here: the typed filters have no `$nin`.
      const { users } = await client.queryUsers(
        { role: { $in: ['user', 'admin'] } },
        { name: 1 },
        { limit: 50 },
      );
      const members = new Set(memberIds);
      this.invitable.set(users.filter((user) => !members.has(user.id)));
    });
  }

  /** Runs a change; the events it causes refresh the list. Resolves with whether it worked. */
  private async attempt(title: string, change: () => Promise<unknown>): Promise<boolean> {
    try {
      await change();
      this.refresh.update((n) => n + 1);
      return true;
    } catch (error) {
      this.session.report(title, error);
      return false;
    }
  }
}
