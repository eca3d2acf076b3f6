import type { Channel, StreamChat } from 'stream-chat';
import {
  AttachmentUpload,
  attachmentUploadOf,
  attachmentsOf,
  isStreamChatError,
  withAttachments,
} from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../../jest/channel-service-fixture';
import { download } from '../../../../../../jest/emulator-uploads';
import { createChannel } from '../../../../../../jest/peer-channels';
import { poll } from '../../../../../stream-chat-emulator/test/poll';

/** The eight bytes every PNG starts with, and a few more. */
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('attachments (withAttachments)', () => {
  const fixture = useChannelServiceFixture({ features: [withAttachments()] });

  /** Bob's service with alice's channel active, and alice's own client and copy of the channel. */
  async function bobAndAlice(): Promise<{ alice: StreamChat; aliceChannel: Channel }> {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const aliceChannel = await createChannel(alice, [bob], 'uploads');
    await fixture.service.init({ members: { $in: [bob] } });
    expect(fixture.service.activeChannel()?.cid).toBe(aliceChannel.cid);
    return { alice, aliceChannel };
  }

  /** Every value `attachmentUploads$` emits from now on. */
  function recordUploads(): AttachmentUpload[][] {
    const seen: AttachmentUpload[][] = [];
    fixture.service.attachmentUploads$.subscribe((uploads) => seen.push(uploads));
    return seen;
  }

  it('uploads an image and a file that the other user receives with the message', async () => {
    const { aliceChannel } = await bobAndAlice();
    const image = new File([PNG_BYTES], 'photo.png', { type: 'image/png' });
    const notes = new File(['meeting notes'], 'notes.txt', { type: 'text/plain' });
    const seen = recordUploads();

    const outcomes = await fixture.service.uploadAttachments([
      attachmentUploadOf(image),
      attachmentUploadOf(notes),
    ]);

    expect(outcomes).toEqual([
      expect.objectContaining({ file: image, type: 'image', state: 'success', progress: 1 }),
      expect.objectContaining({ file: notes, type: 'file', state: 'success', progress: 1 }),
    ]);
    expect(fixture.service.attachmentUploads()).toEqual(outcomes);
    // Both were listed as uploading before either finished, with progress that only grows.
    expect(seen[1].map((upload) => [upload.state, upload.progress])).toEqual([
      ['uploading', 0],
      ['uploading', 0],
    ]);
    for (const file of [image, notes]) {
      const progress = seen.flatMap((uploads) =>
        uploads.filter((upload) => upload.file === file).map((upload) => upload.progress ?? 0),
      );
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.every((share) => share >= 0 && share <= 1)).toBe(true);
    }
    const [imageUrl, notesUrl] = outcomes.map((upload) => upload.url as string);
    expect(await download(imageUrl)).toEqual({
      status: 200,
      bytes: PNG_BYTES,
      contentType: 'image/png',
    });
    expect(new TextDecoder().decode((await download(notesUrl)).bytes)).toBe('meeting notes');

    const sent = await fixture.service.sendMessage(
      'the photo and the notes',
      attachmentsOf(fixture.service.attachmentUploads()),
    );

    expect(sent.status).toBe('received');
    // The composer is empty once the message carrying the uploads is listed.
    expect(fixture.service.attachmentUploads()).toEqual([]);
    const expected = [
      expect.objectContaining({
        type: 'image',
        image_url: imageUrl,
        fallback: 'photo.png',
        mime_type: 'image/png',
      }),
      expect.objectContaining({
        type: 'file',
        asset_url: notesUrl,
        title: 'notes.txt',
        mime_type: 'text/plain',
        file_size: 13,
      }),
    ];
    const bobsCopy = fixture.service.activeChannelMessages().find((m) => m.id === sent.id);
    expect(bobsCopy?.attachments).toEqual(expected);
    const alicesCopy = await poll(
      () => aliceChannel.state.latestMessages.find((message) => message.id === sent.id),
      { description: "bob's message on alice's side" },
    );
    expect(alicesCopy.attachments).toEqual(expected);
    expect((await download(alicesCopy.attachments![1].asset_url!)).status).toBe(200);
  });

  it('removes an upload, deleting its file from the server', async () => {
    await bobAndAlice();
    const notes = new File(['draft'], 'draft.txt', { type: 'text/plain' });
    const image = new File([PNG_BYTES], 'keep.png', { type: 'image/png' });
    const [uploaded, kept] = await fixture.service.uploadAttachments([
      attachmentUploadOf(notes),
      attachmentUploadOf(image),
    ]);
    expect((await download(uploaded.url!)).status).toBe(200);

    await fixture.service.deleteAttachment(uploaded);

    expect(fixture.service.attachmentUploads()).toEqual([kept]);
    expect((await download(uploaded.url!)).status).toBe(404);
    expect((await download(kept.url!)).status).toBe(200);
  });

  it('drops an upload removed while it uploads, and deletes its file once uploaded', async () => {
    await bobAndAlice();
    // A first upload reads the app's limits, so the delay below holds the upload itself.
    const [first] = await fixture.service.uploadAttachments([
      attachmentUploadOf(new File(['1'], 'first.txt')),
    ]);
    const slow = new File(['slow'], 'slow.txt', { type: 'text/plain' });
    await fixture.admin.delayNextRequests(1, 500);
    const uploading = fixture.service.uploadAttachments([attachmentUploadOf(slow)]);
    const listed = await poll(
      () => fixture.service.attachmentUploads().find((upload) => upload.file === slow),
      { description: 'the slow upload listed' },
    );
    expect(listed.state).toBe('uploading');

    await fixture.service.deleteAttachment(listed);

    expect(fixture.service.attachmentUploads()).toEqual([first]);
    const [outcome] = await uploading;
    expect(outcome.state).toBe('success');
    expect(fixture.service.attachmentUploads()).toEqual([first]);
    await poll(async () => (await download(outcome.url!)).status === 404, {
      description: 'the removed upload deleted from the server',
    });
  });

  it('empties the list when another channel becomes active', async () => {
    const { alice } = await bobAndAlice();
    const other = await createChannel(alice, [fixture.chat.user()!.id], 'other');
    await fixture.service.uploadAttachments([attachmentUploadOf(new File(['x'], 'x.txt'))]);
    expect(fixture.service.attachmentUploads()).toHaveLength(1);

    const listed = await poll(
      () => fixture.service.channels()?.find((channel) => channel.cid === other.cid),
      { description: 'the other channel listed' },
    );
    await fixture.service.setAsActiveChannel(listed);

    expect(fixture.service.attachmentUploads()).toEqual([]);
  });

  it('uses the custom upload and delete requests set on the service, as the vendor does', async () => {
    await bobAndAlice();
    const deleted: string[] = [];
    fixture.service.customFileUploadRequest = (file, channel) =>
      channel.sendFile(file, `mine-${file.name}`, file.type);
    fixture.service.customFileDeleteRequest = async (url, channel) => {
      deleted.push(url);
      await channel.deleteFile(url);
    };
    const seen = recordUploads();

    const [outcome] = await fixture.service.uploadAttachments([
      attachmentUploadOf(new File(['abc'], 'a.txt', { type: 'text/plain' })),
    ]);

    expect(outcome).toMatchObject({ state: 'success', progress: 1 });
    expect(outcome.url).toMatch(/\/mine-a\.txt$/);
    expect(seen.slice(1).map((uploads) => uploads[0]?.progress)).toEqual([0, 1]);
    await fixture.service.deleteAttachment(outcome);
    expect(deleted).toEqual([outcome.url]);
    expect((await download(outcome.url!)).status).toBe(404);
    fixture.service.customFileUploadRequest = undefined;
    fixture.service.customFileDeleteRequest = undefined;
  });
});

describe('attachments without withAttachments()', () => {
  const fixture = useChannelServiceFixture();

  it('reject with feature-not-provided, and list nothing', async () => {
    const bob = await fixture.connect('bob');
    await createChannel(await fixture.peer('alice'), [bob], 'plain');
    await fixture.service.init({ members: { $in: [bob] } });
    const upload = attachmentUploadOf(new File(['x'], 'x.txt'));

    const uploading = await fixture.service.uploadAttachments([upload]).catch((e: unknown) => e);
    const deleting = await fixture.service.deleteAttachment(upload).catch((e: unknown) => e);

    expect(isStreamChatError(uploading, 'feature-not-provided')).toBe(true);
    expect((uploading as Error).message).toContain('withAttachments()');
    expect(isStreamChatError(deleting, 'feature-not-provided')).toBe(true);
    expect(fixture.service.attachmentUploads()).toEqual([]);
  });
});

describe('withAttachments(options)', () => {
  const uploadedNames: string[] = [];
  const fixture = useChannelServiceFixture({
    features: [
      withAttachments({
        customImageUploadRequest: (file, channel) => {
          uploadedNames.push(file.name);
          return channel.sendImage(file, `cdn-${file.name}`, file.type);
        },
      }),
    ],
  });

  it('uploads images through the custom request given as an option', async () => {
    const bob = await fixture.connect('bob');
    await createChannel(await fixture.peer('alice'), [bob], 'custom');
    await fixture.service.init({ members: { $in: [bob] } });
    const image = new File([PNG_BYTES], 'cat.png', { type: 'image/png' });

    const [outcome] = await fixture.service.uploadAttachments([attachmentUploadOf(image)]);

    expect(fixture.service.customImageUploadRequest).toBeDefined();
    expect(uploadedNames).toEqual(['cat.png']);
    expect(outcome).toMatchObject({
      state: 'success',
      url: expect.stringMatching(/cdn-cat\.png$/),
    });
    expect((await download(outcome.url!)).status).toBe(200);
  });
});
