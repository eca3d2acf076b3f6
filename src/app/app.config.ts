import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { provideStreamChat, withAttachments, withReactions, withThreads } from 'ngx-stream-chat';
import { ChatBackend } from './chat-backend';
import { CHAT_BACKEND } from './chat-backend.token';

/** The demo's providers for a chat backend. The demo runs zoneless, as Angular 21 apps do by default. */
export function appConfigFor(backend: ChatBackend): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      provideHttpClient(withFetch()),
      { provide: CHAT_BACKEND, useValue: backend },
      provideStreamChat(
        {
          apiKey: backend.apiKey,
          options: backend.baseURL ? { baseURL: backend.baseURL } : {},
          trackPendingChannelInvites: true,
        },
        withThreads(),
        withReactions(),
        withAttachments(),
      ),
    ],
  };
}
