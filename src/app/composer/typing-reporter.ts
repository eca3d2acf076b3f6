import type { ChannelService } from 'ngx-stream-chat';

/** The part of `ChannelService` that tells the others someone is typing. */
export type TypingEvents = Pick<ChannelService, 'typingStarted' | 'typingStopped'>;

/**
 * Tells the others while the user types in a field: "started" on each input with text (the
 * library throttles them), "stopped" once the field is emptied, left or sent. In a thread, the
 * events carry the parent message's id.
 */
export class TypingReporter {
  private typing = false;

  /**
   * @param events where to send the events (`ChannelService`).
   * @param parentId the thread's parent message id; `undefined` for the channel.
   */
  constructor(
    private readonly events: TypingEvents,
    private readonly parentId: () => string | undefined = () => undefined,
  ) {}

  /** The field's text changed to `value`. */
  changed(value: string): void {
    if (value.trim()) {
      this.typing = true;
      this.started().catch(ignoreTypingFailure);
    } else {
      this.stopped();
    }
  }

  /** The user stopped typing (the field lost the focus, or its text was sent). */
  stopped(): void {
    if (!this.typing) return;
    this.typing = false;
    const parentId = this.parentId();
    const stopped =
      parentId === undefined ? this.events.typingStopped() : this.events.typingStopped(parentId);
    stopped.catch(ignoreTypingFailure);
  }

  private started(): Promise<void> {
    const parentId = this.parentId();
    return parentId === undefined
      ? this.events.typingStarted()
      : this.events.typingStarted(parentId);
  }
}

/** Whether a key press in a message field sends: Enter, without Shift, outside an IME composition. */
export function isSendKey(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing;
}

/** Typing events are best effort: a lost one only hides "is typing…" for a moment. */
function ignoreTypingFailure(): void {
  // Nothing to do.
}
