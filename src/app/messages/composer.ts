import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import {
  AttachmentUpload,
  ChannelService,
  ChatClientService,
  attachmentUploadOf,
  attachmentsOf,
  isStreamChatError,
} from 'ngx-stream-chat';
import type { UserResponse } from 'stream-chat';
import { ChannelStateChanges } from '../channels/channel-state-changes';
import { AttachmentPreview, AttachmentPreviews } from '../composer/attachment-previews';
import { MentionSuggestions } from '../composer/mention-suggestions';
import {
  MentionQuery,
  insertMention,
  mentionQueryAt,
  mentionedIn,
} from '../composer/mention-query';
import { maxMessageLength, showsLengthCounter } from '../composer/message-length';
import { PreviewUrls } from '../composer/preview-urls';
import { cooldownOf, cooldownSecondsLeft } from '../composer/slow-mode';
import { TypingReporter, isSendKey } from '../composer/typing-reporter';
import { DemoSession } from '../session/demo-session.service';

/** How many members the mention list offers at most. */
const MAX_SUGGESTIONS = 8;

/**
 * Writes a message: Enter sends, Shift+Enter adds a line. Files can be attached (each one shows
 * its preview and progress, can be cancelled, and retried when it failed), "@" offers the
 * channel's members to mention, slow mode counts down to the next allowed message, and a counter
 * shows up near the channel's length limit. Tells the others while the user types. When the user
 * may not write, it is disabled and says why.
 *
 * A quoted message (`ChannelService.messageToQuote`) is sent along as `quoted_message_id` and
 * cleared after sending; content projected with the `composerQuote` attribute shows above the
 * text area, for the quote's preview.
 */
@Component({
  selector: 'demo-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AttachmentPreviews, MentionSuggestions],
  templateUrl: './composer.html',
  styleUrl: './composer.css',
})
export class Composer {
  private readonly channelService = inject(ChannelService);
  private readonly chatService = inject(ChatClientService);
  private readonly session = inject(DemoSession);
  private readonly changes = inject(ChannelStateChanges);
  private readonly textarea = viewChild.required<ElementRef<HTMLTextAreaElement>>('textarea');

  /** The active channel's name, for the label and placeholder. */
  readonly channelName = input.required<string>();
  /** Why the user may not write here; writing is allowed when `undefined`. */
  readonly disabledReason = input<string | undefined>();

  private readonly channel = this.channelService.activeChannel;
  private readonly ownUserId = computed(() => this.chatService.user()?.id);

  /** Why the user may not write: the reason given, or a ban in this channel. */
  protected readonly refusal = computed(() => {
    const given = this.disabledReason();
    if (given) {
      return given;
    }
    this.changes.version();
    const channel = this.channelService.activeChannel();
    const own = this.ownUserId();
    return own && channel?.state?.members?.[own]?.banned
      ? 'You are banned from this channel: you can read it, but not write.'
      : undefined;
  });

  protected readonly text = signal('');
  protected readonly length = computed(() => this.text().trim().length);
  protected readonly maxLength = computed(() => maxMessageLength(this.channel()));
  protected readonly tooLong = computed(() => this.length() > this.maxLength());
  protected readonly showCounter = computed(() =>
    showsLengthCounter(this.length(), this.maxLength()),
  );

  // Attachments.
  private readonly previewUrls = new PreviewUrls();
  protected readonly uploads = this.channelService.attachmentUploads;
  protected readonly previews = computed<AttachmentPreview[]>(() =>
    this.uploads().map((upload) => ({
      upload,
      imageUrl:
        upload.type === 'image' ? (this.previewUrls.urlFor(upload.file) ?? upload.url) : undefined,
    })),
  );
  protected readonly uploadProblem = signal<string | undefined>(undefined);
  protected readonly canUpload = computed(() => {
    this.changes.version();
    const capabilities = this.channel()?.data?.own_capabilities;
    return (
      !this.refusal() && (!Array.isArray(capabilities) || capabilities.includes('upload-file'))
    );
  });
  private readonly uploading = computed(() =>
    this.uploads().some((upload) => upload.state === 'uploading'),
  );

  // Mentions.
  protected readonly suggestions = signal<UserResponse[]>([]);
  protected readonly activeSuggestion = signal(0);
  private mentionQuery: MentionQuery | undefined;
  private mentionSearch = 0;
  private picked: UserResponse[] = [];

  // Slow mode.
  private readonly now = signal(Date.now());
  protected readonly cooldown = computed(() => {
    // The client changes the channel's data in place (channel.updated): read it again then.
    this.changes.version();
    return cooldownOf(this.channel());
  });
  private readonly lastSentAt = computed(() => {
    const cid = this.channel()?.cid;
    return cid ? this.channelService.latestMessageDateByUserByChannels()[cid] : undefined;
  });
  protected readonly cooldownLeft = computed(() =>
    cooldownSecondsLeft(this.cooldown(), this.lastSentAt(), this.now()),
  );
  /** Said once when the wait starts and once when it ends, not every second. */
  protected readonly cooldownAnnouncement = computed(() =>
    this.cooldownLeft() > 0
      ? `Slow mode: you can send your next message in ${this.cooldown()} seconds.`
      : '',
  );

  protected readonly canSend = computed(
    () =>
      !this.refusal() &&
      (!!this.text().trim() || attachmentsOf(this.uploads()).length > 0) &&
      !this.uploading() &&
      !this.tooLong() &&
      this.cooldownLeft() === 0,
  );
  protected readonly describedBy = computed(() => {
    if (this.refusal()) {
      return 'composer-reason';
    }
    return this.showCounter() ? 'composer-hint composer-counter' : 'composer-hint';
  });

  private readonly typing = new TypingReporter(this.channelService);

  constructor() {
    // The countdown ticks once a second while it runs; a new own message restarts it from now.
    effect(() => {
      this.lastSentAt();
      untracked(() => this.now.set(Date.now()));
    });
    effect((onCleanup) => {
      if (this.cooldownLeft() > 0) {
        const timer = setTimeout(() => this.now.set(Date.now()), 1000);
        onCleanup(() => clearTimeout(timer));
      }
    });
    effect(() => this.previewUrls.keepOnly(this.uploads().map((upload) => upload.file)));
    inject(DestroyRef).onDestroy(() => this.previewUrls.clear());
  }

  protected onInput(event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.text.set(value);
    this.updateMentionQuery();
    this.typing.changed(value);
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.isComposing) {
      return;
    }
    const suggestions = this.suggestions();
    if (suggestions.length > 0) {
      const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
      if (event.key in moves) {
        event.preventDefault();
        const count = suggestions.length;
        this.activeSuggestion.update((index) => (index + moves[event.key] + count) % count);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        this.pickMention(suggestions[this.activeSuggestion()]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        this.closeSuggestions();
        return;
      }
    }
    if (isSendKey(event)) {
      event.preventDefault();
      void this.send();
    }
  }

  protected onBlur(): void {
    this.stopTyping();
    this.closeSuggestions();
  }

  protected submit(event: Event): void {
    event.preventDefault();
    void this.send();
  }

  protected stopTyping(): void {
    this.typing.stopped();
  }

  /** Looks for an "@term" before the caret and asks the library for matching members. */
  protected updateMentionQuery(): void {
    const element = this.textarea().nativeElement;
    const query = mentionQueryAt(element.value, element.selectionStart ?? element.value.length);
    this.mentionQuery = query;
    const search = ++this.mentionSearch;
    if (!query) {
      this.closeSuggestions();
      return;
    }
    this.channelService.autocompleteMembers(query.term).then(
      (members) => {
        if (search !== this.mentionSearch) {
          return;
        }
        const own = this.ownUserId();
        const users = members
          .map((member) => member.user)
          .filter((user): user is UserResponse => !!user?.id && user.id !== own)
          .slice(0, MAX_SUGGESTIONS);
        this.suggestions.set(users);
        this.activeSuggestion.set(0);
      },
      () => this.closeSuggestions(),
    );
  }

  protected pickMention(user: UserResponse): void {
    const query = this.mentionQuery;
    const element = this.textarea().nativeElement;
    if (!query) {
      return;
    }
    const result = insertMention(element.value, query, element.selectionStart ?? 0, user);
    this.text.set(result.text);
    element.value = result.text;
    element.setSelectionRange(result.caret, result.caret);
    element.focus();
    this.picked.push(user);
    this.closeSuggestions();
  }

  protected async onFilesPicked(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) {
      await this.upload(files.map(attachmentUploadOf));
    }
  }

  protected async retryUpload(upload: AttachmentUpload): Promise<void> {
    await this.upload([{ ...upload, state: 'uploading', progress: 0 }]);
  }

  protected async removeUpload(upload: AttachmentUpload): Promise<void> {
    try {
      await this.channelService.deleteAttachment(upload);
    } catch (error) {
      this.session.report(`Could not remove ${upload.file.name}`, error);
    }
  }

  private async upload(uploads: AttachmentUpload[]): Promise<void> {
    this.uploadProblem.set(undefined);
    try {
      await this.channelService.uploadAttachments(uploads);
    } catch (error) {
      if (isStreamChatError(error, 'invalid-input')) {
        // Files over the app's limits: nothing was uploaded; the error names each file and limit.
        this.uploadProblem.set(error.message.replace(/^ngx-stream-chat: /, ''));
      } else {
        this.session.report('Could not upload the files', error);
      }
    }
  }

  private closeSuggestions(): void {
    this.mentionSearch++;
    if (this.suggestions().length > 0) {
      this.suggestions.set([]);
    }
  }

  private async send(): Promise<void> {
    if (!this.canSend()) {
      return;
    }
    const text = this.text().trim();
    const attachments = attachmentsOf(this.uploads());
    const mentioned = mentionedIn(text, this.picked);
    const quoted = this.channelService.messageToQuote();
    this.text.set('');
    this.picked = [];
    this.closeSuggestions();
    this.stopTyping();
    try {
      // A failed send stays in the list with a "Retry" button; only other errors land here.
      await this.channelService.sendMessage(
        text,
        attachments.length > 0 ? attachments : undefined,
        mentioned.length > 0 ? mentioned : undefined,
        undefined,
        quoted?.id,
      );
      if (quoted) {
        this.channelService.selectMessageToQuote(undefined);
      }
    } catch (error) {
      this.session.report('Could not send the message', error);
    }
  }
}
