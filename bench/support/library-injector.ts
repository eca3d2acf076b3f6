import '@angular/compiler';
import {
  EnvironmentInjector,
  EnvironmentProviders,
  ErrorHandler,
  Injector,
  NgZone,
  PLATFORM_ID,
  Provider,
  createEnvironmentInjector,
  ɵINJECTOR_SCOPE as INJECTOR_SCOPE,
  ɵNoopNgZone as NoopNgZone,
} from '@angular/core';
import { StreamChatClientFactory, provideStreamChat } from 'ngx-stream-chat';
import { EmulatorEndpoint, separateClientFactory } from 'ngx-stream-chat/testing';
import { CONNECT_TIMEOUT_MS } from './emulator-clients';

/** Keeps the errors the services report (background watches, mark-read...) for the scripts to count. */
export class RecordingErrorHandler implements ErrorHandler {
  readonly errors: unknown[] = [];

  handleError(error: unknown): void {
    this.errors.push(error);
  }
}

/** Options of {@link libraryInjector}. */
export interface LibraryInjectorOptions {
  /** More providers. */
  providers?: (Provider | EnvironmentProviders)[];
  /** How clients are built; a separate client per `init()` by default. */
  clientFactory?: StreamChatClientFactory;
}

/**
 * A root environment injector in plain Node (no DOM, no app) with ngx-stream-chat pointed at the
 * emulator, a separate client per `init()` unless told otherwise, the browser platform so sockets
 * are opened, the `NgZone` of a zoneless app, and a {@link RecordingErrorHandler}. Destroy it
 * when done.
 */
export function libraryInjector(
  emulator: EmulatorEndpoint,
  options: LibraryInjectorOptions = {},
): EnvironmentInjector {
  const parent = Injector.create({ providers: [] }) as unknown as EnvironmentInjector;
  return createEnvironmentInjector(
    [
      { provide: INJECTOR_SCOPE, useValue: 'root' },
      { provide: PLATFORM_ID, useValue: 'browser' },
      { provide: NgZone, useClass: NoopNgZone },
      { provide: ErrorHandler, useClass: RecordingErrorHandler },
      provideStreamChat({
        apiKey: emulator.apiKey,
        options: { baseURL: emulator.url, allowServerSideConnect: true },
        clientFactory: options.clientFactory ?? separateClientFactory(CONNECT_TIMEOUT_MS),
      }),
      ...(options.providers ?? []),
    ],
    parent,
  );
}
