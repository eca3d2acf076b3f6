import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { UserResponse } from 'stream-chat';

/** "Bob is typing…", "Bob and Carol are typing…", "3 people are typing…", or nothing. */
export function typingText(users: readonly UserResponse[]): string {
  const names = users.map((user) => user.name || user.id);
  switch (names.length) {
    case 0:
      return '';
    case 1:
      return `${names[0]} is typing…`;
    case 2:
      return `${names[0]} and ${names[1]} are typing…`;
    default:
      return `${names.length} people are typing…`;
  }
}

/** Who else is typing in the channel (or the thread); keeps its height so the list does not jump. */
@Component({
  selector: 'demo-typing-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="typing" aria-live="polite" [attr.data-testid]="testId()">
      @if (text()) {
        <span class="dots" aria-hidden="true"><span></span><span></span><span></span></span>
        {{ text() }}
      }
    </p>
  `,
  styles: `
    .typing {
      display: flex;
      align-items: center;
      gap: 6px;
      min-height: 22px;
      margin: 0;
      padding: 0 var(--space-4);
      color: var(--muted);
      font-size: var(--text-sm);
    }
    .dots {
      display: inline-flex;
      gap: 3px;
    }
    .dots span {
      width: 5px;
      height: 5px;
      border-radius: 50%;
      background: var(--muted-light);
      animation: blink 1.2s infinite ease-in-out;
    }
    .dots span:nth-child(2) {
      animation-delay: 0.2s;
    }
    .dots span:nth-child(3) {
      animation-delay: 0.4s;
    }
    @keyframes blink {
      0%,
      80%,
      100% {
        opacity: 0.3;
      }
      40% {
        opacity: 1;
      }
    }
  `,
})
export class TypingIndicator {
  /** The users typing, the connected user left out. */
  readonly users = input.required<readonly UserResponse[]>();
  /** Its test id: the channel's indicator and the thread's are told apart by it. */
  readonly testId = input('typing-indicator');

  protected readonly text = computed(() => typingText(this.users()));
}
