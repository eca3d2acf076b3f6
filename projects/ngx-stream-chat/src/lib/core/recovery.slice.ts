import { SliceContext, defineSlice } from '../store/chat-slice';
import { fromVendorError } from '../vendor-error';
import { ActiveChannelCommands, activeChannelSlice } from './active-channel.slice';
import { ChannelListCommands, channelListSlice } from './channel-list.slice';
import { MessagesCommands, messagesSlice } from './messages.slice';

/** After a reconnect: the list and the active channel's messages catch up together. */
function recoveryRuntime(context: SliceContext<null>) {
  async function recover(): Promise<void> {
    const list = context.commands<ChannelListCommands>(channelListSlice.name);
    const messages = context.commands<MessagesCommands>(messagesSlice.name);
    const active = context.get(activeChannelSlice).channel;
    const wasListed = active !== undefined && context.get(channelListSlice).byCid.has(active.cid);
    await Promise.all([
      list?.recover(active),
      active &&
        messages
          ?.catchUp(active)
          .catch((error: unknown) =>
            context.reportError(fromVendorError(error, `Catching up channel ${active.cid}`)),
          ),
    ]);
    if (context.disposed) return;
    if (
      wasListed &&
      active === context.get(activeChannelSlice).channel &&
      !context.get(channelListSlice).byCid.has(active.cid)
    ) {
      context.commands<ActiveChannelCommands>(activeChannelSlice.name)?.deselect();
    }
    context.dispatch({ type: 'ngx.recovered' });
  }
  return {
    commands: {},
    eventTypes: new Set(['connection.recovered']),
    onEvent(event: { type: string }) {
      if (event.type === 'connection.recovered') void recover();
    },
  };
}

/** The catch-up after the connection comes back. */
export const recoverySlice = defineSlice<null>({
  name: 'recovery',
  initial: () => null,
  setup: recoveryRuntime,
});
