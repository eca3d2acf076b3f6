import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { RunningEmulator, startEmulator } from '../..';
import { ClientPool } from '../../../test/client-harness';

const BYTES = Buffer.from([0, 1, 2, 250, 251, 252, 10, 13]);

describe('uploads across restarts', () => {
  let directory: string;
  let emulator: RunningEmulator;
  const pool = new ClientPool(() => emulator);

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'stream-chat-emulator-uploads-'));
  });
  afterEach(async () => {
    await pool.disconnectAll();
    await emulator.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps bytes beside the data file and metadata in it', async () => {
    const dataFile = join(directory, 'state.json');
    emulator = await startEmulator({ port: 0, quiet: true, dataFile });
    expect(readdirSync(directory).sort()).toEqual(['state.json', 'state.json.journal']);
    const alice = await pool.connected('alice');
    const channel = alice.channel('messaging', 'general');
    const { file } = await channel.sendImage(Readable.from([BYTES]), 'kept.png');
    const deleted = await channel.sendFile(BYTES, 'deleted.bin');
    await channel.deleteFile(deleted.file);
    await pool.server().updateAppSettings({ file_upload_config: { size_limit: 1000 } });
    await pool.disconnectAll();
    await emulator.close();

    const saved = JSON.parse(readFileSync(dataFile, 'utf8')) as {
      uploads: { files: object[]; file_upload_config: { size_limit: number } };
    };
    expect(saved.uploads.files).toEqual([
      {
        id: expect.any(String),
        cid: 'messaging:general',
        owner_id: 'alice',
        name: 'kept.png',
        mime_type: 'image/png',
        size: BYTES.length,
        created_at: expect.any(String),
        kind: 'image',
      },
    ]);
    expect(saved.uploads.file_upload_config.size_limit).toBe(1000);
    expect(readdirSync(join(directory, 'state.json.uploads'))).toHaveLength(1);

    emulator = await startEmulator({ port: 0, quiet: true, dataFile });
    const movedUrl = file.replace(/^http:\/\/[^/]+/, emulator.url);
    const response = await fetch(movedUrl);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BYTES);
    const again = await pool.connected('alice');
    expect((await again.getAppSettings()).app?.file_upload_config?.size_limit).toBe(1000);
    await again.channel('messaging', 'general').deleteImage(movedUrl);
    expect(readdirSync(join(directory, 'state.json.uploads'))).toEqual([]);
  });

  it('carries bytes inline in the snapshot of an emulator without data file', async () => {
    emulator = await startEmulator({ port: 0, quiet: true });
    const alice = await pool.connected('alice');
    const { file } = await alice.channel('messaging', 'general').sendFile(BYTES, 'inline.bin');
    await pool.disconnectAll();
    const snapshot = emulator.snapshot();
    await emulator.close();

    emulator = await startEmulator({ port: 0, quiet: true, seed: snapshot });
    expect(emulator.snapshot()).toEqual(snapshot);
    const response = await fetch(file.replace(/^http:\/\/[^/]+/, emulator.url));
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BYTES);
  });

  it('refuses a seed whose upload names an unknown channel', async () => {
    await expect(
      startEmulator({
        port: 0,
        quiet: true,
        seed: {
          users: [],
          channels: [],
          uploads: {
            files: [
              {
                id: 'x',
                cid: 'messaging:nowhere',
                name: 'a.txt',
                mime_type: 'text/plain',
                size: 0,
                created_at: '2024-01-01T00:00:00.000Z',
                kind: 'file',
                data_base64: '',
              },
            ],
          },
        },
      }),
    ).rejects.toThrow('upload "x" names unknown channel "messaging:nowhere"');
    emulator = await startEmulator({ port: 0, quiet: true, seed: { users: [], channels: [] } });
  });
});
