import type { Channel } from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  messageFrom,
  offlineClient,
} from '../../../../../../jest/offline-stream-chat';
import type { AttachmentUpload } from '../../attachment-upload';
import type { ChatEvent, StoreView } from '../../store/chat-slice';
import { AttachmentsState, reduceAttachments } from './attachments.slice';
import { PUT_UPLOADS, REMOVE_UPLOAD } from './attachments-runtime';

const client = offlineClient('me');
const [general, random] = loadChannels(client, [
  channelState(client, 'general'),
  channelState(client, 'random'),
]);

/** What the reducer sees: `active` as the active channel, and the user 'me'. */
const viewWith = (active: Channel | undefined) =>
  ({ userId: 'me', get: () => ({ channel: active }) }) as unknown as StoreView;

const upload = (name: string, extra: Partial<AttachmentUpload> = {}): AttachmentUpload => ({
  file: new File([name], name),
  type: 'file',
  state: 'uploading',
  progress: 0,
  ...extra,
});

const put = (uploads: AttachmentUpload[], cid = general.cid): ChatEvent => ({
  type: PUT_UPLOADS,
  cid,
  uploads,
});

const EMPTY: AttachmentsState = { cid: undefined, uploads: [] };

describe('reduceAttachments', () => {
  it('adds new files at the end and replaces the entry of a file uploaded again', () => {
    const a = upload('a');
    const b = upload('b');
    const view = viewWith(general);
    const started = reduceAttachments(EMPTY, [put([a, b])], view);
    expect(started).toEqual({ cid: general.cid, uploads: [a, b] });

    const failedA = { ...a, state: 'error' as const };
    const retriedA = { ...a, progress: 0 };
    const next = reduceAttachments(started, [put([failedA]), put([retriedA])], view);

    expect(next.uploads).toEqual([retriedA, b]);
  });

  it('drops a removed file, and ignores actions about another channel', () => {
    const a = upload('a');
    const view = viewWith(general);
    const state = reduceAttachments(EMPTY, [put([a])], view);

    expect(reduceAttachments(state, [put([upload('x')], random.cid)], view)).toBe(state);
    expect(
      reduceAttachments(state, [{ type: REMOVE_UPLOAD, cid: random.cid, file: a.file }], view),
    ).toBe(state);
    expect(
      reduceAttachments(state, [{ type: REMOVE_UPLOAD, cid: general.cid, file: a.file }], view)
        .uploads,
    ).toEqual([]);
  });

  it('empties the list when another channel becomes active, or none is', () => {
    const state = reduceAttachments(EMPTY, [put([upload('a')])], viewWith(general));

    expect(reduceAttachments(state, [], viewWith(random))).toEqual({
      cid: random.cid,
      uploads: [],
    });
    expect(reduceAttachments(state, [], viewWith(undefined))).toEqual(EMPTY);
    expect(reduceAttachments(state, [], viewWith(general))).toBe(state);
  });

  it("drops the uploads a message of the user's carries, once it is listed", () => {
    const sentImage = upload('a.png', { type: 'image', state: 'success', url: 'http://x/a.png' });
    const sentFile = upload('b.txt', { state: 'success', url: 'http://x/b.txt' });
    const kept = upload('c.txt', { state: 'success', url: 'http://x/c.txt' });
    const view = viewWith(general);
    const state = reduceAttachments(EMPTY, [put([sentImage, sentFile, kept])], view);
    const mine = {
      ...messageFrom('me', 'with files', 'm-mine'),
      attachments: [
        { type: 'image', image_url: 'http://x/a.png' },
        { type: 'file', asset_url: 'http://x/b.txt' },
      ],
    };
    const theirs = {
      ...messageFrom('you', 'same files', 'm-theirs'),
      attachments: mine.attachments,
    };
    for (const message of [theirs, mine]) {
      deliver(client, {
        type: 'message.new',
        cid: general.cid,
        message,
        user: message.user ?? undefined,
      });
    }
    const changed = (messageId: string): ChatEvent => ({
      type: 'ngx.messages.changed',
      cid: general.cid,
      messageId,
    });

    expect(reduceAttachments(state, [changed('m-theirs')], view)).toBe(state);
    expect(reduceAttachments(state, [changed('m-mine')], view).uploads).toEqual([kept]);
  });
});
