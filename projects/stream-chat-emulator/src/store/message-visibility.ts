import { MessageRecord } from './model';

/** Whether a message is shown in the channel's main list (not a thread-only reply). */
export function isShownInChannel(message: MessageRecord): boolean {
  return !message.parentId || message.showInChannel === true;
}
