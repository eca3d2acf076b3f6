import { request as httpRequest } from 'node:http';
import { RunningEmulator } from '../..';
import { emulatorForSpecFile, rejectionOf } from '../../../test/client-harness';

const TEXT = Buffer.from('twelve bytes', 'utf8');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DEFAULT_CONFIG = {
  allowed_file_extensions: [],
  blocked_file_extensions: [],
  allowed_mime_types: [],
  blocked_mime_types: [],
  size_limit: 104857600,
};

describe('upload limits and bad uploads', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  afterEach(async () => {
    await pool
      .server()
      .updateAppSettings({ file_upload_config: null, image_upload_config: null } as never);
  });

  /** Headers and URL of a raw upload request by alice to messaging:general. */
  function rawUpload(kind: 'file' | 'image'): { url: string; headers: Record<string, string> } {
    return {
      url: `${emulator.url}/channels/messaging/general/${kind}?api_key=${emulator.apiKey}`,
      headers: { Authorization: emulator.createToken('alice'), 'stream-auth-type': 'jwt' },
    };
  }

  it('reports the limits in GET /app and changes them through updateAppSettings', async () => {
    const alice = await pool.connected('alice');
    const { app } = await alice.getAppSettings();
    expect(app?.file_upload_config).toEqual(DEFAULT_CONFIG);
    expect(app?.image_upload_config).toEqual(DEFAULT_CONFIG);
    await pool.server().updateAppSettings({
      file_upload_config: { blocked_file_extensions: ['.exe'], size_limit: 10 },
    });
    const updated = await alice.getAppSettings();
    expect(updated.app?.file_upload_config).toEqual({
      ...DEFAULT_CONFIG,
      blocked_file_extensions: ['.exe'],
      size_limit: 10,
    });
    expect(updated.app?.image_upload_config).toEqual(DEFAULT_CONFIG);
  });

  it('refuses files over the size limit, naming the limit in bytes (code 4)', async () => {
    await pool.server().updateAppSettings({ file_upload_config: { size_limit: 11 } });
    const alice = await pool.connected('alice');
    const channel = alice.channel('messaging', 'general');
    const refused = await rejectionOf(channel.sendFile(TEXT, 'big.txt', 'text/plain'));
    expect(refused).toMatchObject({ code: 4, status: 400 });
    expect((refused as Error).message).toContain(
      'UploadFile failed with error: "file size exceeds the limit of 11 bytes"',
    );
    await expect(
      channel.sendFile(TEXT.subarray(0, 11), 'fits.txt', 'text/plain'),
    ).resolves.toMatchObject({ file: expect.stringContaining('/fits.txt') });
  });

  it('refuses blocked and unlisted extensions and MIME types (code 4)', async () => {
    await pool.server().updateAppSettings({
      file_upload_config: { blocked_file_extensions: ['.EXE'], blocked_mime_types: ['text/csv'] },
      image_upload_config: { allowed_mime_types: ['image/png'], allowed_file_extensions: ['.png'] },
    });
    const alice = await pool.connected('alice');
    const channel = alice.channel('messaging', 'general');
    const exe = await rejectionOf(channel.sendFile(TEXT, 'setup.exe'));
    expect(exe).toMatchObject({ code: 4, status: 400 });
    expect((exe as Error).message).toContain('file extension .EXE is not allowed');
    await expect(channel.sendFile(TEXT, 'table.csv')).rejects.toMatchObject({ code: 4 });
    const gif = await rejectionOf(channel.sendImage(Buffer.from('GIF89a') as never, 'a.gif'));
    expect((gif as Error).message).toContain('file extension .gif is not allowed');
    // In Node the client derives the part's type from the name; a browser sends File.type.
    const { url, headers } = rawUpload('image');
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/gif' }), 'b.png');
    const renamed = await fetch(url, { method: 'POST', headers, body: form });
    expect(renamed.status).toBe(400);
    expect(await renamed.json()).toMatchObject({
      code: 4,
      message: 'UploadImage failed with error: "mime type image/gif is not allowed"',
    });
    await expect(channel.sendImage(PNG as never, 'c.png')).resolves.toMatchObject({
      file: expect.stringContaining('/c.png'),
    });
  });

  it('refuses a non-image on the image endpoint (code 4)', async () => {
    const alice = await pool.connected('alice');
    const refused = await rejectionOf(
      alice.channel('messaging', 'general').sendImage(TEXT as never, 'notes.txt'),
    );
    expect(refused).toMatchObject({ code: 4, status: 400 });
    expect((refused as Error).message).toContain('takes images only, not text/plain');
  });

  it('refuses other app settings and bad limits without changing anything', async () => {
    const server = pool.server();
    await expect(
      server.updateAppSettings({
        file_upload_config: { size_limit: 5 },
        webhook_url: 'http://example.com',
      }),
    ).rejects.toMatchObject({ code: 4, status: 400 });
    await expect(
      server.updateAppSettings({ file_upload_config: { size_limit: -1 } }),
    ).rejects.toMatchObject({ code: 4 });
    await expect(
      server.updateAppSettings({
        image_upload_config: { blocked_mime_types: 'image/gif' },
      } as never),
    ).rejects.toMatchObject({ code: 4 });
    const alice = await pool.connected('alice');
    await expect(alice.updateAppSettings({ file_upload_config: {} })).rejects.toMatchObject({
      status: 401,
    });
    expect((await alice.getAppSettings()).app?.file_upload_config).toEqual(DEFAULT_CONFIG);
  });

  it('answers bad multipart bodies with a clean 400 and stores nothing', async () => {
    const { url, headers } = rawUpload('file');
    const before = JSON.stringify(emulator.snapshot()['uploads'] ?? null);
    const cases: { body: BodyInit; contentType?: string; expected: string }[] = [
      {
        body: JSON.stringify({ file: 'x' }),
        contentType: 'application/json',
        expected: 'must be a multipart/form-data body',
      },
      {
        body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
        contentType: 'multipart/form-data; boundary=xyz',
        expected: 'the multipart body is malformed',
      },
      { body: formWith('user', '{"id":"alice"}'), expected: 'the upload has no \\"file\\" part' },
      { body: formWith('user', 'not json', true), expected: '\\"user\\" must be a JSON object' },
      { body: formWith('extra', 'x', true), expected: 'field \\"extra\\" is not supported' },
      { body: twoFiles(), expected: 'exactly one file' },
    ];
    for (const testCase of cases) {
      const response = await fetch(url, {
        method: 'POST',
        headers: testCase.contentType
          ? { ...headers, 'Content-Type': testCase.contentType }
          : headers,
        body: testCase.body,
      });
      expect({ status: response.status, text: await response.text() }).toEqual({
        status: 400,
        text: expect.stringContaining(testCase.expected),
      });
    }
    expect(JSON.stringify(emulator.snapshot()['uploads'] ?? null)).toBe(before);
  });

  it('refuses a declared body larger than the route allows (code 22) without reading it', async () => {
    const { url, headers } = rawUpload('file');
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(url, {
        method: 'POST',
        headers: {
          ...headers,
          'Content-Type': 'multipart/form-data; boundary=xyz',
          'Content-Length': String(200 * 1024 * 1024),
        },
      });
      request.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body });
        });
      });
      request.on('error', reject);
      request.write('--xyz\r\n');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 22 });
  });
});

/** A multipart body with one field (`asFile`: a second, valid file part is added). */
function formWith(name: string, value: string, asFile = false): FormData {
  const form = new FormData();
  form.append(name, value);
  if (asFile) {
    form.append('file', new Blob(['abc'], { type: 'text/plain' }), 'a.txt');
  }
  return form;
}

function twoFiles(): FormData {
  const form = new FormData();
  form.append('file', new Blob(['abc'], { type: 'text/plain' }), 'a.txt');
  form.append('file', new Blob(['def'], { type: 'text/plain' }), 'b.txt');
  return form;
}
