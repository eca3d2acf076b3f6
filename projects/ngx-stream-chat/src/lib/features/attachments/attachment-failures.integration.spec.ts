import type { StreamChat } from 'stream-chat';
import { StreamChatError, attachmentUploadOf, withAttachments } from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../../jest/channel-service-fixture';
import { download, setUploadLimits } from '../../../../../../jest/emulator-uploads';
import { createChannel } from '../../../../../../jest/peer-channels';

/** The app's file limit in these specs (1 MiB); images keep the default 100 MB. */
const SIZE_LIMIT = 1024 * 1024;

/** Where nothing listens: requests to it fail as they do without network. */
const UNREACHABLE = 'http://127.0.0.1:9';

const text = (content: string, name: string) => new File([content], name, { type: 'text/plain' });

describe('attachment failures', () => {
  const fixture = useChannelServiceFixture({ features: [withAttachments()] });

  // The same limits for every spec that sets them. They are left in place: the other Jest project
  // may be running this file against the same emulator at this moment, and no other spec uploads
  // .exe files or files over 1 MiB.
  beforeAll(() =>
    setUploadLimits({
      file_upload_config: {
        blocked_file_extensions: ['.exe'],
        blocked_mime_types: ['application/x-msdownload'],
        size_limit: SIZE_LIMIT,
      },
    }),
  );

  /** Connects bob with a channel of alice's active. */
  async function bobInAChannel(): Promise<StreamChat> {
    const bob = await fixture.connect('bob');
    await createChannel(await fixture.peer('alice'), [bob], 'failures');
    await fixture.service.init({ members: { $in: [bob] } });
    return fixture.chat.chatClient!;
  }

  /** What `uploadAttachments()` rejected with. */
  async function refusal(files: File[]): Promise<StreamChatError> {
    const uploads = files.map(attachmentUploadOf);
    const error = await fixture.service.uploadAttachments(uploads).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StreamChatError);
    return error as StreamChatError;
  }

  it('refuses a file over the size limit before uploading anything, and uploads the next', async () => {
    await bobInAChannel();
    const [earlier] = await fixture.service.uploadAttachments([
      attachmentUploadOf(text('earlier', 'earlier.txt')),
    ]);
    const before = fixture.service.attachmentUploads();
    const fits = text('fits', 'fits.txt');
    const big = new File([new Uint8Array(SIZE_LIMIT + 1)], 'big.bin');

    const error = await refusal([fits, big]);

    expect(error.kind).toBe('invalid-input');
    expect(error.message).toContain(
      `"big.bin": it is ${SIZE_LIMIT + 1} bytes, over the size limit of ${SIZE_LIMIT} bytes ` +
        '(file_upload_config.size_limit)',
    );
    expect(error.message).not.toContain('fits.txt');
    expect(fixture.service.attachmentUploads()).toBe(before);
    const [next] = await fixture.service.uploadAttachments([attachmentUploadOf(fits)]);
    expect(next.state).toBe('success');
    expect(fixture.service.attachmentUploads()).toEqual([earlier, next]);
  });

  it('refuses blocked extensions and types, naming each file and limit, and uploads the next', async () => {
    await bobInAChannel();
    const setup = text('MZ', 'Setup.EXE');
    const tool = new File(['MZ'], 'tool.bin', { type: 'application/x-msdownload' });

    const error = await refusal([setup, tool]);

    expect(error.kind).toBe('invalid-input');
    expect(error.message).toContain(
      '"Setup.EXE": its extension ".exe" is blocked (file_upload_config.blocked_file_extensions)',
    );
    expect(error.message).toContain(
      '"tool.bin": its type "application/x-msdownload" is blocked ' +
        '(file_upload_config.blocked_mime_types)',
    );
    expect(fixture.service.attachmentUploads()).toEqual([]);
    const [next] = await fixture.service.uploadAttachments([
      attachmentUploadOf(text('fine', 'readme.txt')),
    ]);
    expect(next.state).toBe('success');
  });

  it('shows a server failure as an error, and uploads the same entry again on retry', async () => {
    await bobInAChannel();
    // A first upload reads the app's limits, so the failure below hits the upload itself.
    const [first] = await fixture.service.uploadAttachments([
      attachmentUploadOf(text('one', 'one.txt')),
    ]);
    await fixture.admin.failNextRequests(1, 500);

    const [failed] = await fixture.service.uploadAttachments([
      attachmentUploadOf(text('two', 'two.txt')),
    ]);

    expect(failed).toMatchObject({ state: 'error', errorReason: 'unknown', progress: 0 });
    expect(failed.error).toBeInstanceOf(StreamChatError);
    expect(failed.error?.status).toBe(500);
    expect(failed.url).toBeUndefined();
    expect(fixture.service.attachmentUploads()).toEqual([first, failed]);

    const [retried] = await fixture.service.uploadAttachments([failed]);

    expect(retried).toMatchObject({ file: failed.file, state: 'success', progress: 1 });
    expect(retried.error).toBeUndefined();
    expect(fixture.service.attachmentUploads()).toEqual([first, retried]);
    expect(new TextDecoder().decode((await download(retried.url!)).bytes)).toBe('two');
  });

  it('shows uploads made offline as errors, and retries them once back online', async () => {
    const client = await bobInAChannel();
    const online = client.baseURL!;
    // Requests go nowhere, as without network (the socket, which uploads do not use, stays up);
    // jsdom logs each refused request, which is expected here. (jsdom keeps the process alive for
    // a moment after refused requests: Jest may say it "did not exit one second after" the run.)
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    client.setBaseURL(UNREACHABLE);
    const image = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'a.png', {
      type: 'image/png',
    });

    const failed = await fixture.service.uploadAttachments([
      attachmentUploadOf(image),
      attachmentUploadOf(text('b', 'b.txt')),
    ]);

    expect(failed.map((upload) => [upload.state, upload.error?.kind])).toEqual([
      ['error', 'network'],
      ['error', 'network'],
    ]);
    expect(fixture.service.attachmentUploads()).toEqual(failed);

    client.setBaseURL(online);
    logged.mockRestore();
    const retried = await fixture.service.uploadAttachments(failed);

    expect(retried.map((upload) => upload.state)).toEqual(['success', 'success']);
    expect(fixture.service.attachmentUploads()).toEqual(retried);
    // Back online, the limits are read and checked again.
    await expect(
      fixture.service.uploadAttachments([attachmentUploadOf(text('MZ', 'x.exe'))]),
    ).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('rejects bad arguments as invalid input, uploading nothing', async () => {
    await bobInAChannel();
    const bad = [{ file: 'not a file', type: 'file', state: 'uploading' }];

    await expect(fixture.service.uploadAttachments(bad as never)).rejects.toMatchObject({
      kind: 'invalid-input',
    });
    await expect(fixture.service.deleteAttachment(undefined as never)).rejects.toMatchObject({
      kind: 'invalid-input',
    });
    expect(fixture.service.attachmentUploads()).toEqual([]);
  });
});
