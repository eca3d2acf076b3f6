/* ngx-stream-chat's two services with every optional feature, each of them used. */
import { Component, inject, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import {
  ChannelService,
  ChatClientService,
  attachmentUploadOf,
  attachmentsOf,
  provideStreamChat,
  withAttachments,
  withReactions,
  withThreads,
} from 'ngx-stream-chat';

/** Every optional feature the library has (add a feature here when it lands). */
const ALL_FEATURES = [withThreads(), withReactions(), withAttachments()];

@Component({
  selector: 'bench-app',
  template: `<p>{{ chat.user()?.name }} · {{ channels.channels()?.length }} channels</p>
    @for (message of channels.activeChannelMessages(); track message.id) {
      <p>{{ message.text }}</p>
      <button (click)="channels.addReaction(message.id, 'like')">Like</button>
      <button (click)="channels.setAsActiveParentMessage(message)">Replies</button>
    }
    @for (reply of channels.activeThreadMessages(); track reply.id) {
      <p>{{ reply.text }}</p>
    }
    @for (upload of channels.attachmentUploads(); track upload.file) {
      <p>{{ upload.file.name }} · {{ upload.state }}</p>
    }
    <input type="file" (change)="attach($event)" />
    <button (click)="channels.sendMessage('Hello')">Send</button>`,
})
class AppComponent {
  readonly chat = inject(ChatClientService);
  readonly channels = inject(ChannelService);

  /** Uploads the picked file, then sends it. */
  async attach(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const uploads = await this.channels.uploadAttachments([attachmentUploadOf(file)]);
    await this.channels.sendMessage('File', attachmentsOf(uploads));
  }

  constructor() {
    void this.chat
      .init('key', 'alice', 'token')
      .then(() => this.channels.init({ members: { $in: ['alice'] } }));
  }
}

void bootstrapApplication(AppComponent, {
  providers: [
    provideZonelessChangeDetection(),
    provideStreamChat(
      { apiKey: 'key', options: { baseURL: 'http://127.0.0.1:3100' } },
      ...ALL_FEATURES,
    ),
  ],
});
