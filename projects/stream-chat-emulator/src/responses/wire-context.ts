import { ChatStore } from '../store/chat-store';
import { SessionRegistry } from '../sessions/session-registry';
import { ResponseExtension } from './response-extensions';

/**
 * What response builders read: the state, the open connections (for `online`), and the
 * registered features' additions to each response.
 */
export interface WireContext {
  store: ChatStore;
  sessions: SessionRegistry;
  responseExtensions: readonly ResponseExtension[];
}
