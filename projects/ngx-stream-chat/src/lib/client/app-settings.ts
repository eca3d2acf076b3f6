import { BehaviorSubject, Observable } from 'rxjs';
import type { AppSettingsAPIResponse, StreamChat } from 'stream-chat';
import { StreamChatError, supersededError } from '../stream-chat-errors';
import { fromVendorError } from '../vendor-error';
import type { PublishInsideAngular, RunOutsideAngular } from './zone-runners';

/** The app's settings as the server answers `GET /app`: channel types, upload limits and more. */
export type ChatAppSettings = NonNullable<AppSettingsAPIResponse['app']>;

/** What `getAppSettings()` is loading, and for which API key. */
interface PendingLoad {
  key: string;
  promise: Promise<void>;
}

/**
 * The app settings behind `appSettings$`: loaded on request, once per API key, then kept. Calls
 * made while a load is in flight share it; a failed load publishes nothing, and the next call
 * tries again.
 */
export class AppSettingsState {
  private readonly subject = new BehaviorSubject<ChatAppSettings | undefined>(undefined);
  /** The API key the published settings belong to. */
  private key: string | undefined;
  private pending: PendingLoad | undefined;

  /** The settings; `undefined` until loaded, and again after `init()` with another API key. */
  readonly settings$: Observable<ChatAppSettings | undefined> = this.subject.asObservable();

  constructor(
    private readonly publish: PublishInsideAngular,
    private readonly outside: RunOutsideAngular,
  ) {}

  /** Loads the settings of `client`'s app, unless they are loaded or loading already. */
  load(client: StreamChat): Promise<void> {
    const key = client.key;
    if (this.subject.value && this.key === key) {
      return Promise.resolve();
    }
    if (this.pending?.key === key) {
      return this.pending.promise;
    }
    const pending: PendingLoad = { key, promise: this.fetch(client, key) };
    this.pending = pending;
    return pending.promise.finally(() => {
      if (this.pending === pending) this.pending = undefined;
    });
  }

  /** Forgets settings loaded, or loading, for another API key than `key`. */
  useKey(key: string): void {
    if (this.pending && this.pending.key !== key) {
      this.pending = undefined;
    }
    if (this.key !== undefined && this.key !== key) {
      this.key = undefined;
      this.publish(() => this.subject.next(undefined));
    }
  }

  private async fetch(client: StreamChat, key: string): Promise<void> {
    let response: AppSettingsAPIResponse;
    try {
      response = await this.outside(() => client.getAppSettings());
    } catch (error) {
      throw fromVendorError(error, 'ChatClientService.getAppSettings()');
    }
    if (this.pending?.key !== key) {
      throw supersededError('getAppSettings()');
    }
    const settings = response.app;
    if (!settings) {
      throw new StreamChatError(
        'unknown',
        'the server answered ChatClientService.getAppSettings() without app settings; check ' +
          'that the baseURL option points at a Stream Chat server.',
      );
    }
    this.key = key;
    this.publish(() => this.subject.next(settings));
  }
}
