import { Readable } from 'node:stream';
import { StreamChat } from 'stream-chat';
import { RunningEmulator } from '../..';
import { emulatorForSpecFile, nextEvent, rejectionOf } from '../../../test/client-harness';

/** Bytes that are not valid UTF-8, so a text round trip would show. */
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]);
const TEXT_BYTES = Buffer.from('0123456789 hello, uploads', 'utf8');

describe('uploads to channels', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  async function channelOf(client: StreamChat, id: string) {
    const channel = client.channel('messaging', id);
    await channel.watch();
    return channel;
  }

  it('uploads a file and an image and serves their bytes back without auth', async () => {
    const alice = await pool.connected('alice');
    const channel = await channelOf(alice, 'alice-bob');
    expect(channel.data?.own_capabilities).toContain('upload-file');
    expect(channel.getConfig()?.uploads).toBe(true);

    const file = await channel.sendFile(TEXT_BYTES, 'notes.txt', 'text/plain');
    expect(file.file).toMatch(new RegExp(`^${emulator.url}/uploads/[\\w-]+/notes\\.txt$`));
    expect(file.thumb_url).toBeUndefined();
    const image = await channel.sendImage(Readable.from([PNG_BYTES]), 'pixel.png', 'image/png');
    expect(image.file).toMatch(/^http:\/\/.+\/pixel\.png$/);

    const fileResponse = await fetch(file.file);
    expect(fileResponse.status).toBe(200);
    expect(fileResponse.headers.get('content-type')).toBe('text/plain');
    expect(fileResponse.headers.get('content-length')).toBe(String(TEXT_BYTES.length));
    expect(fileResponse.headers.get('access-control-allow-origin')).toBe('*');
    expect(fileResponse.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await fileResponse.arrayBuffer())).toEqual(TEXT_BYTES);

    // Angular appends resize hints; they are ignored.
    const imageResponse = await fetch(`${image.file}?w=300&h=200`);
    expect(imageResponse.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await imageResponse.arrayBuffer())).toEqual(PNG_BYTES);

    const head = await fetch(file.file, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(TEXT_BYTES.length));

    const missing = await fetch(file.file.replace('notes.txt', 'other.txt'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 16 });
  });

  it('answers Range requests with 206 and unsatisfiable ones with 416', async () => {
    const alice = await pool.connected('alice');
    const channel = await channelOf(alice, 'alice-bob');
    const { file } = await channel.sendFile(TEXT_BYTES, 'range.txt', 'text/plain');
    const size = TEXT_BYTES.length;

    const middle = await fetch(file, { headers: { Range: 'bytes=2-5' } });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe(`bytes 2-5/${size}`);
    expect(middle.headers.get('content-length')).toBe('4');
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(TEXT_BYTES.subarray(2, 6));

    const open = await fetch(file, { headers: { Range: 'bytes=20-' } });
    expect(open.status).toBe(206);
    expect(Buffer.from(await open.arrayBuffer())).toEqual(TEXT_BYTES.subarray(20));

    const suffix = await fetch(file, { headers: { Range: 'bytes=-3' } });
    expect(suffix.headers.get('content-range')).toBe(`bytes ${size - 3}-${size - 1}/${size}`);
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(TEXT_BYTES.subarray(size - 3));

    const beyond = await fetch(file, { headers: { Range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
    await beyond.arrayBuffer();

    const several = await fetch(file, { headers: { Range: 'bytes=0-1,4-5' } });
    expect(several.status).toBe(200);
    expect(Buffer.from(await several.arrayBuffer())).toEqual(TEXT_BYTES);
  });

  it('lets another member send the upload as an attachment that the others see', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const aliceChannel = await channelOf(alice, 'alice-bob');
    const bobChannel = await channelOf(bob, 'alice-bob');
    const { file } = await bobChannel.sendImage(Readable.from([PNG_BYTES]), 'shot.png');
    const received = nextEvent(alice, 'message.new', (event) => event.message?.id === 'with-image');
    await bobChannel.sendMessage({
      id: 'with-image',
      text: 'look',
      attachments: [
        { type: 'image', image_url: file, fallback: 'shot.png', mime_type: 'image/png' },
      ],
    });
    const event = await received;
    expect(event.message?.attachments).toEqual([
      expect.objectContaining({ type: 'image', image_url: file }),
    ]);
    const seen = aliceChannel.state.messages.find((message) => message.id === 'with-image');
    const url = seen?.attachments?.[0]?.image_url as string;
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(bytes).toEqual(PNG_BYTES);
  });

  it('deletes an upload for its uploader; others get 17 and unknown URLs 16', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const aliceChannel = await channelOf(alice, 'alice-bob');
    const bobChannel = await channelOf(bob, 'alice-bob');
    const { file } = await aliceChannel.sendFile(TEXT_BYTES, 'private.txt', 'text/plain');

    await expect(bobChannel.deleteFile(file)).rejects.toMatchObject({ code: 17, status: 403 });
    await expect(aliceChannel.deleteImage(file)).rejects.toMatchObject({ code: 16, status: 404 });
    await expect(
      aliceChannel.deleteFile(`${emulator.url}/uploads/no-such-id/private.txt`),
    ).rejects.toMatchObject({ code: 16, status: 404 });
    await expect(aliceChannel.deleteFile('not a url')).rejects.toMatchObject({ code: 16 });
    await expect(alice.channel('messaging', 'general').deleteFile(file)).rejects.toMatchObject({
      code: 16,
    });
    expect((await fetch(file)).status).toBe(200);

    await aliceChannel.deleteFile(file);
    expect((await fetch(file)).status).toBe(404);
    await expect(aliceChannel.deleteFile(file)).rejects.toMatchObject({ code: 16 });
  });

  it('lets the server upload in a user’s name and delete anything', async () => {
    const server = pool.server();
    const bob = await pool.connected('bob');
    const serverChannel = server.channel('messaging', 'general');
    const asBob = await serverChannel.sendFile(TEXT_BYTES, 'by-bob.txt', 'text/plain', {
      id: 'bob',
    });
    const bobChannel = await channelOf(bob, 'general');
    await bobChannel.deleteFile(asBob.file);
    expect((await fetch(asBob.file)).status).toBe(404);

    const ownerless = await serverChannel.sendFile(TEXT_BYTES, 'by-server.txt', 'text/plain');
    await expect(bobChannel.deleteFile(ownerless.file)).rejects.toMatchObject({ code: 17 });
    await serverChannel.deleteFile(ownerless.file);

    await expect(
      serverChannel.sendFile(TEXT_BYTES, 'x.txt', 'text/plain', { id: 'nobody' }),
    ).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(
      server.channel('messaging', 'design').sendFile(TEXT_BYTES, 'x.txt', 'text/plain', {
        id: 'alice',
      }),
    ).rejects.toMatchObject({ code: 17, status: 403 });
  });

  it('refuses non-members, users uploading in another’s name and anonymous users (17)', async () => {
    const carol = await pool.connected('carol');
    const carolView = carol.channel('messaging', 'alice-bob');
    const refused = await rejectionOf(carolView.sendFile(TEXT_BYTES, 'x.txt', 'text/plain'));
    expect(refused).toMatchObject({ code: 17, status: 403 });
    expect((refused as Error).message).toContain('UploadAttachment');

    const carolGeneral = carol.channel('messaging', 'general');
    await expect(
      carolGeneral.sendFile(TEXT_BYTES, 'x.txt', 'text/plain', { id: 'alice' } as never),
    ).rejects.toMatchObject({ code: 17 });

    const anonymous = pool.client();
    await anonymous.connectAnonymousUser();
    const square = anonymous.channel('livestream', 'town-square');
    await expect(square.sendFile(TEXT_BYTES, 'x.txt', 'text/plain')).rejects.toMatchObject({
      code: 17,
      status: 403,
    });
    const [publicChannel] = await anonymous.queryChannels({ id: 'town-square' });
    expect(publicChannel.data?.own_capabilities).not.toContain('upload-file');
    const kept = emulator.snapshot()['uploads'] as { files: { name: string }[] } | undefined;
    expect((kept?.files ?? []).map((upload) => upload.name)).not.toContain('x.txt');
  });

  it('drops the uploads of a deleted channel', async () => {
    const alice = await pool.connected('alice');
    const channel = alice.channel('messaging', 'short-lived', { members: ['alice', 'bob'] });
    await channel.watch();
    const { file } = await channel.sendFile(TEXT_BYTES, 'gone.txt', 'text/plain');
    expect((await fetch(file)).status).toBe(200);
    await channel.delete();
    expect((await fetch(file)).status).toBe(404);
  });
});
