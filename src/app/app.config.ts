import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideStreamChat } from 'ngx-stream-chat';
import { chatBackend } from './chat-backend';

/** The demo runs zoneless, as Angular 21 apps do by default. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideStreamChat({ apiKey: chatBackend.apiKey, options: { baseURL: chatBackend.baseURL } }),
  ],
};
