import { Injectable, inject } from '@angular/core';
import { ChannelService, ChatClientService, ChatMessage } from 'ngx-stream-chat';
import { DemoSession } from '../session/demo-session.service';

/**
 * What the message menus do, on the library's public API. Each command reports a failure on the
 * demo's error banner (the library has rolled the message back by then) and resolves whether it
 * worked.
 */
@Injectable({ providedIn: 'root' })
export class MessageCommands {
  private readonly channelService = inject(ChannelService);
  private readonly chatService = inject(ChatClientService);
  private readonly session = inject(DemoSession);

  /** Adds the user's reaction of `type`, or removes it when `own`. */
  react(message: ChatMessage, type: string, own: boolean): Promise<boolean> {
    return own
      ? this.run('Could not remove the reaction', () =>
          this.channelService.removeReaction(message.id, type),
        )
      : this.run('Could not add the reaction', () =>
          this.channelService.addReaction(message.id, type),
        );
  }

  /** Sends a message that failed again (a reply stays in its thread). */
  resend(message: ChatMessage): Promise<boolean> {
    return this.run(
      message.parent_id ? 'Could not send the reply again' : 'Could not send the message again',
      () => this.channelService.resendMessage(message),
    );
  }

  /** Opens the message's thread beside the channel. */
  openThread(message: ChatMessage): Promise<boolean> {
    return this.run('Could not open the thread', () =>
      this.channelService.setAsActiveParentMessage(message),
    );
  }

  /** Quotes the message in the composer. */
  quote(message: ChatMessage): void {
    this.channelService.selectMessageToQuote(message);
  }

  /** Replaces the message's text. */
  edit(message: ChatMessage, text: string): Promise<boolean> {
    return this.run('Could not edit the message', () =>
      this.channelService.updateMessage({ ...message, text }),
    );
  }

  /** Deletes the message for everyone. */
  remove(message: ChatMessage): Promise<boolean> {
    return this.run('Could not delete the message', () =>
      this.channelService.deleteMessage(message),
    );
  }

  /** Pins or unpins the message. */
  setPinned(message: ChatMessage, pinned: boolean): Promise<boolean> {
    return pinned
      ? this.run('Could not pin the message', () => this.channelService.pinMessage(message))
      : this.run('Could not unpin the message', () => this.channelService.unpinMessage(message));
  }

  /** Marks the channel unread from this message on. */
  markUnread(message: ChatMessage): Promise<boolean> {
    return this.run('Could not mark the message unread', () =>
      this.channelService.markMessageUnread(message.id),
    );
  }

  /** Reports the message to the moderators. */
  flag(message: ChatMessage): Promise<boolean> {
    return this.run('Could not flag the message', async () => {
      const client = this.chatService.chatClient;
      if (!client) throw new Error('Nobody is connected.');
      await client.flagMessage(message.id);
    });
  }

  /** Shows a message of the channel (a quoted or pinned one), loading the messages around it. */
  jumpTo(messageId: string, parentId?: string): Promise<boolean> {
    return this.run('Could not find the message', () =>
      this.channelService.jumpToMessage(messageId, parentId),
    );
  }

  private async run(failure: string, command: () => Promise<unknown>): Promise<boolean> {
    try {
      await command();
      return true;
    } catch (error) {
      this.session.report(failure, error);
      return false;
    }
  }
}
