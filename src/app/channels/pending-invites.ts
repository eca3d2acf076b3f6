import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ChannelInvitations } from './channel-invitations';

/** The user's pending channel invitations, each with "Accept" and "Decline". */
@Component({
  selector: 'demo-pending-invites',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (invitations.invitations().length > 0) {
      <section class="invites" aria-labelledby="invites-heading">
        <h2 class="heading" id="invites-heading">Invitations</h2>
        <ul>
          @for (invitation of invitations.invitations(); track invitation.cid) {
            <li class="invite" data-testid="invitation" [attr.data-cid]="invitation.cid">
              <span class="name">{{ invitation.name }}</span>
              <span class="actions">
                <button
                  type="button"
                  class="button primary small"
                  (click)="invitations.accept(invitation)"
                >
                  Accept<span class="visually-hidden">
                    the invitation to {{ invitation.name }}</span
                  >
                </button>
                <button
                  type="button"
                  class="button small"
                  (click)="invitations.decline(invitation)"
                >
                  Decline<span class="visually-hidden">
                    the invitation to {{ invitation.name }}</span
                  >
                </button>
              </span>
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .invites {
      margin-bottom: var(--space-3);
    }
    .heading {
      margin: 0 var(--space-2) var(--space-2);
      color: var(--muted);
      font-size: var(--text-xs);
      font-weight: 600;
      letter-spacing: 0.04em;
      text-transform: uppercase;
    }
    ul {
      display: grid;
      gap: var(--space-1);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .invite {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--space-2);
      padding: var(--space-2) var(--space-3);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--accent-surface);
    }
    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      gap: var(--space-1);
    }
    .small {
      min-height: 30px;
      padding: 0 var(--space-3);
    }
  `,
})
export class PendingInvites {
  protected readonly invitations = inject(ChannelInvitations);
}
