import { EmulatorFeature } from '../emulator-feature';
import { textEditsSlice } from './text-edits-slice';

/**
 * Message edits: `message_text_updated_at`, set when (and only when) an update changes the
 * text, on full (`POST /messages/{id}`) and partial (`PUT /messages/{id}`) updates.
 */
export const editsFeature: EmulatorFeature = {
  name: 'edits',
  slices: [textEditsSlice],
  prepareMessageUpdate(services, update) {
    if (update.text === update.message.text) {
      return undefined;
    }
    const { store } = services;
    return () => {
      store.slice(textEditsSlice).set(update.message.id, update.message.updatedAt);
      store.changed();
    };
  },
  messageFields(context, message) {
    const editedAt = context.store.slice(textEditsSlice).get(message.id);
    return editedAt ? { message_text_updated_at: editedAt } : {};
  },
};
