import { InjectionToken, Provider, inject, provideEnvironmentInitializer } from '@angular/core';
import { STREAM_CHAT_CONFIG, StreamChatConfig } from './stream-chat-config';
import { duplicateRootProvidersError } from './stream-chat-errors';

/** One entry per time the root providers were added to an injector. */
const STREAM_CHAT_ROOT_REGISTRATIONS = new InjectionToken<StreamChatConfig[]>(
  'ngx-stream-chat root registrations',
);

/** Throws when the root providers were added twice, in this injector or a parent one. */
function guardAgainstDuplicateRoot(): void {
  const here = inject(STREAM_CHAT_ROOT_REGISTRATIONS);
  const parent = inject(STREAM_CHAT_ROOT_REGISTRATIONS, { optional: true, skipSelf: true });
  if (here.length > 1 || parent) {
    throw duplicateRootProvidersError();
  }
}

/**
 * The one provider list behind both `provideStreamChat()` and `StreamChatModule.forRoot()`.
 * @internal
 */
export function streamChatProviders(config: StreamChatConfig): Provider[] {
  return [
    { provide: STREAM_CHAT_CONFIG, useValue: config },
    { provide: STREAM_CHAT_ROOT_REGISTRATIONS, useValue: config, multi: true },
  ];
}

/** @internal The guard run once the root injector is created. */
export const streamChatRootGuard = provideEnvironmentInitializer(guardAgainstDuplicateRoot);
