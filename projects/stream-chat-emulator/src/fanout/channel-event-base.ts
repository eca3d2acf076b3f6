import { ChannelRecord } from '../store/model';

/** The fields every channel event carries: `cid`, `channel_id`, `channel_type`. */
export function channelEventBase(channel: ChannelRecord): {
  cid: string;
  channel_id: string;
  channel_type: string;
} {
  return { cid: channel.cid, channel_id: channel.id, channel_type: channel.type };
}
