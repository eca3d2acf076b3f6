import type { ChannelService } from 'ngx-stream-chat';
import { ConnectChoice, channelFiltersFor, isUserMode } from './connect-choice';

/** The arguments of one `ChannelService.init()` call. */
export type ChannelInitArguments = Parameters<ChannelService['init']>;

/**
 * The exact arguments the demo passes to `channelService.init(...)` after connecting: the
 * channel filters, no sort, and whether to open the first channel (guests and anonymous users
 * land in the livestream; users pick a channel). The session makes the call with them and the
 * connect panel's preview prints them, so the two cannot drift apart.
 */
export function channelInitArguments(choice: ConnectChoice): ChannelInitArguments {
  return [channelFiltersFor(choice), undefined, { activateFirstChannel: !isUserMode(choice.mode) }];
}
