import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ChatClientService, ChatMessage } from 'ngx-stream-chat';
import { mentionSegments } from './mention-segments';

/**
 * A message's text, with its mentions highlighted (more strongly when they name the connected
 * user). Text is bound as text, never as HTML.
 */
@Component({
  selector: 'demo-message-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@for (segment of segments(); track $index) {
    @if (segment.kind === 'mention') {
      <span
        class="mention"
        data-testid="mention"
        [class.own]="segment.own"
        [attr.data-user-id]="segment.userId"
        >{{ segment.text }}</span
      >
    } @else {
      <!-- A container, so the template's indentation adds no spaces to the text. -->
      <ng-container>{{ segment.text }}</ng-container>
    }
  }`,
  styles: `
    .mention {
      padding: 0 2px;
      border-radius: 4px;
      background: var(--accent-surface);
      color: var(--accent);
      font-weight: 600;
    }
    .mention.own {
      background: var(--warning-surface);
      color: var(--warning);
    }
  `,
})
export class MessageText {
  private readonly chatService = inject(ChatClientService);

  /** The message whose text to show. */
  readonly message = input.required<ChatMessage>();

  protected readonly segments = computed(() => {
    const message = this.message();
    return mentionSegments(
      message.text ?? '',
      message.mentioned_users,
      this.chatService.user()?.id,
    );
  });
}
