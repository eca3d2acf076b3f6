/* The baseline: a zoneless app that connects a user with the raw stream-chat client. */
import { Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { StreamChat } from 'stream-chat';

@Component({
  selector: 'bench-app',
  template: `<p>{{ userName() }} · {{ channelCount() }} channels</p>`,
})
class AppComponent {
  readonly userName = signal('');
  readonly channelCount = signal(0);

  constructor() {
    const client = new StreamChat('key', { baseURL: 'http://127.0.0.1:3100' });
    void client.connectUser({ id: 'alice' }, client.devToken('alice')).then(async () => {
      this.userName.set(client.user?.name ?? client.userID ?? '');
      const channels = await client.queryChannels({ members: { $in: ['alice'] } });
      this.channelCount.set(channels.length);
    });
  }
}

void bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] });
