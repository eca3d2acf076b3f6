import type { ChatMessage } from 'ngx-stream-chat';

/** What the user can do with a message from its menu. */
export type MessageActionId =
  'reply' | 'quote' | 'edit' | 'pin' | 'unpin' | 'mark-unread' | 'flag' | 'delete';

/** One entry of a message's menu. */
export interface MessageAction {
  id: MessageActionId;
  label: string;
  /** Whether it destroys something (shown in the danger color). */
  danger?: boolean;
}

/** Where the message is shown, and what the user may do there. */
export interface MessageActionContext {
  /** Whether the connected user wrote it. */
  own: boolean;
  /** The channel's `own_capabilities`; `undefined` when the server did not say (all allowed). */
  capabilities: readonly string[] | undefined;
  /** Whether it is shown in the thread panel (no "Reply in thread" or "Mark unread" there). */
  inThread: boolean;
}

/**
 * The menu of a message, in order, as the channel's capabilities allow: nothing for deleted
 * messages or messages the server has not confirmed (sending, failed, being edited or deleted).
 */
export function messageActions(
  message: ChatMessage,
  context: MessageActionContext,
): MessageAction[] {
  if (message.type === 'deleted' || message.type === 'system' || message.status !== 'received') {
    return [];
  }
  const can = (capability: string) =>
    context.capabilities === undefined || context.capabilities.includes(capability);
  const actions: MessageAction[] = [];
  if (!context.inThread && can('send-reply')) {
    actions.push({ id: 'reply', label: 'Reply in thread' });
  }
  if (!context.inThread && can('quote-message')) {
    actions.push({ id: 'quote', label: 'Quote' });
  }
  if (context.own ? can('update-own-message') : can('update-any-message')) {
    actions.push({ id: 'edit', label: 'Edit' });
  }
  if (!context.inThread && can('pin-message')) {
    actions.push(message.pinned ? { id: 'unpin', label: 'Unpin' } : { id: 'pin', label: 'Pin' });
  }
  if (!context.own && !context.inThread && can('read-events')) {
    actions.push({ id: 'mark-unread', label: 'Mark unread' });
  }
  if (!context.own && can('flag-message')) {
    actions.push({ id: 'flag', label: 'Flag' });
  }
  if (context.own ? can('delete-own-message') : can('delete-any-message')) {
    actions.push({ id: 'delete', label: 'Delete', danger: true });
  }
  return actions;
}
