import { z } from 'zod';
import { defineSlice } from '../../store/slices';

/** When each edited message's text last changed, by message id. */
export type TextEdits = Map<string, string>;

const persistedTextEdits = z.array(
  z.object({
    message_id: z.string(),
    message_text_updated_at: z.iso.datetime(),
  }),
);

/**
 * The time of the last text change of each message whose text was edited
 * (`message_text_updated_at`). Messages never edited have no entry.
 * Persisted under `message_text_edits`.
 */
export const textEditsSlice = defineSlice<TextEdits, z.infer<typeof persistedTextEdits>>({
  name: 'message text edits',
  create: () => new Map(),
  persistence: {
    key: 'message_text_edits',
    schema: persistedTextEdits,
    snapshot: (state) =>
      [...state].map(([messageId, at]) => ({
        message_id: messageId,
        message_text_updated_at: at,
      })),
    load: (state, data, store) => {
      for (const entry of data) {
        if (!store.getMessage(entry.message_id)) {
          throw new Error(`message ${entry.message_id} does not exist`);
        }
        state.set(entry.message_id, entry.message_text_updated_at);
      }
    },
  },
  onRemoved: (state, removed) => {
    for (const id of removed.messageIds) {
      state.delete(id);
    }
  },
});
