/* The vendor SDK's two services, ChatClientService and ChannelService, and nothing else of it. */
import { AsyncPipe } from '@angular/common';
import { Component, inject, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { ChannelService, ChatClientService } from 'stream-chat-angular';

@Component({
  selector: 'bench-app',
  imports: [AsyncPipe],
  template: `<p>
      {{ (chat.user$ | async)?.name }} · {{ (channels.channels$ | async)?.length }} channels
    </p>
    @for (message of channels.activeChannelMessages$ | async; track message.id) {
      <p>{{ message.text }}</p>
    }`,
})
class AppComponent {
  readonly chat = inject(ChatClientService);
  readonly channels = inject(ChannelService);

  constructor() {
    void this.chat
      .init('key', 'alice', 'token', { baseURL: 'http://127.0.0.1:3100' })
      .then(() => this.channels.init({ members: { $in: ['alice'] } }));
  }
}

void bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] });
