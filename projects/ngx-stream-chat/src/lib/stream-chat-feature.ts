import { InjectionToken, Provider } from '@angular/core';
import type { AnyChatSlice } from './store/chat-slice';

/**
 * An optional part of the library, added with `provideStreamChat(config, withThreads(), ...)` or
 * `StreamChatModule.forRoot(config, withThreads(), ...)`. Code of features an app does not add is
 * left out of its bundle.
 */
export interface StreamChatFeature {
  /** Which feature this is, e.g. `'threads'`. */
  readonly kind: string;
  /** The providers the feature adds. */
  readonly providers: readonly Provider[];
}

/** The slices features add to every session, after the core ones. */
export const STREAM_CHAT_FEATURE_SLICES = new InjectionToken<AnyChatSlice[]>(
  'ngx-stream-chat feature slices',
);

/** A feature that adds `slices` to every session, and any other `providers`. */
export function streamChatFeature(
  kind: string,
  slices: readonly AnyChatSlice[],
  providers: readonly Provider[] = [],
): StreamChatFeature {
  return {
    kind,
    providers: [
      ...slices.map((slice) => ({
        provide: STREAM_CHAT_FEATURE_SLICES,
        useValue: slice,
        multi: true,
      })),
      ...providers,
    ],
  };
}
