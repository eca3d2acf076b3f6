import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** The few fields of a quoted message that its preview shows. */
export interface QuotedMessageFields {
  id: string;
  text?: string;
  type?: string;
  user?: { id: string; name?: string } | null;
  attachments?: readonly unknown[];
}

/** Who wrote a quoted message and what, in a line or two. */
export function quoteSummary(message: QuotedMessageFields): { author: string; text: string } {
  const author = message.user?.name || message.user?.id || 'Unknown';
  if (message.type === 'deleted') return { author, text: 'This message was deleted.' };
  const text = message.text?.trim();
  if (text) return { author, text };
  const files = message.attachments?.length ?? 0;
  return { author, text: files === 1 ? '1 attachment' : `${files} attachments` };
}

/** A quoted message: its author and its text, cut after two lines. */
@Component({
  selector: 'demo-quoted-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="author">{{ summary().author }}</span>
    <span class="text">{{ summary().text }}</span>
  `,
  styles: `
    :host {
      display: grid;
      gap: 1px;
      min-width: 0;
      padding: var(--space-1) var(--space-2);
      border-left: 3px solid var(--accent);
      border-radius: 0 var(--radius-sm) var(--radius-sm) 0;
      background: var(--surface-muted);
      color: var(--text);
      font-size: var(--text-sm);
      text-align: left;
    }
    .author {
      font-weight: 600;
    }
    .text {
      display: -webkit-box;
      overflow: hidden;
      color: var(--muted);
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      overflow-wrap: anywhere;
    }
  `,
})
export class QuotedMessage {
  /** The quoted message. */
  readonly message = input.required<QuotedMessageFields>();

  protected readonly summary = computed(() => quoteSummary(this.message()));
}
