import { StreamChatClientFactory } from 'ngx-stream-chat';
import { separateClientFactory } from 'ngx-stream-chat/testing';
import { StreamChat } from 'stream-chat';
import { CONNECT_TIMEOUT_MS } from '../support/emulator-clients';

/** Every client a service built, so a soak can look for listeners left behind on any of them. */
export class ClientRecorder {
  readonly clients: StreamChat[] = [];

  /** A separate client per `init()`, each recorded. */
  readonly factory: StreamChatClientFactory = (apiKey, options) => {
    const client = separateClientFactory(CONNECT_TIMEOUT_MS)(apiKey, options);
    this.clients.push(client);
    return client;
  };

  /** Listeners on every recorded client and on the channels they still hold. */
  listenerCount(): number {
    let count = 0;
    for (const client of this.clients) {
      for (const list of Object.values(client.listeners)) count += list.length;
      for (const channel of Object.values(client.activeChannels)) {
        for (const list of Object.values(channel.listeners)) count += list.length;
      }
    }
    return count;
  }

  /** Recorded clients whose socket is still open or opening. */
  openSocketCount(): number {
    return this.clients.filter((client) => {
      const ws = client.wsConnection?.ws;
      return ws !== undefined && (ws.readyState === 0 || ws.readyState === 1);
    }).length;
  }
}
