import { InjectionToken } from '@angular/core';
import { ChatBackend } from './chat-backend';

/** The chat backend the demo was started with, from `chat-backend.json`. */
export const CHAT_BACKEND = new InjectionToken<ChatBackend>('demo chat backend');
