/* ngx-stream-chat's two services, ChatClientService and ChannelService: channel list and messages. */
import { Component, inject, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { ChannelService, ChatClientService, provideStreamChat } from 'ngx-stream-chat';

@Component({
  selector: 'bench-app',
  template: `<p>{{ chat.user()?.name }} · {{ channels.channels()?.length }} channels</p>
    @for (message of channels.activeChannelMessages(); track message.id) {
      <p>{{ message.text }}</p>
    }
    <button (click)="channels.sendMessage('Hello')">Send</button>`,
})
class AppComponent {
  readonly chat = inject(ChatClientService);
  readonly channels = inject(ChannelService);

  constructor() {
    void this.chat
      .init('key', 'alice', 'token')
      .then(() => this.channels.init({ members: { $in: ['alice'] } }));
  }
}

void bootstrapApplication(AppComponent, {
  providers: [
    provideZonelessChangeDetection(),
    provideStreamChat({ apiKey: 'key', options: { baseURL: 'http://127.0.0.1:3100' } }),
  ],
});
