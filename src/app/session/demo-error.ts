import { isStreamChatError } from 'ngx-stream-chat';

/** An error the demo shows in its error banner. */
export interface DemoError {
  /** What the demo was doing, e.g. "Could not connect as Alice Martin". */
  title: string;
  /** What went wrong and what to do, from the error itself. */
  detail: string;
}

/** The error's own message, which for `StreamChatError`s says what happened and what to do. */
export function describeError(title: string, error: unknown): DemoError {
  if (isStreamChatError(error)) {
    return { title, detail: error.message.replace(/^ngx-stream-chat: /, '') };
  }
  return { title, detail: error instanceof Error ? error.message : String(error) };
}
