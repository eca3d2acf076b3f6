import { ChatStore } from '../store/chat-store';
import { SessionRegistry } from '../sessions/session-registry';

/** What response builders read: the state, and the open connections (for `online`). */
export interface WireContext {
  store: ChatStore;
  sessions: SessionRegistry;
}
