import type { Channel } from 'stream-chat';
import { missingCapabilityError } from '../stream-chat-errors';

/**
 * Throws unless the connected user holds `capability` in the channel. A channel without a
 * capability list allows everything, as the vendor's client does; the server decides then.
 */
export function requireCapability(channel: Channel, capability: string, call: string): void {
  const capabilities = channel.data?.own_capabilities;
  if (Array.isArray(capabilities) && !capabilities.includes(capability)) {
    throw missingCapabilityError(call, capability, channel.cid);
  }
}
