import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startEmulator } from 'stream-chat-emulator';
import { DEMO_DATA_FOLDER, parseStartArguments, prepareDemoData } from './demo-data';
import { demoSeed } from './demo-seed';

describe('npm start data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'demo-data-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('takes --fresh for itself and passes every other argument to ng serve', () => {
    assert.deepEqual(parseStartArguments(['--port', '4300', '--fresh']), {
      fresh: true,
      ngServeArgs: ['--port', '4300'],
    });
    assert.deepEqual(parseStartArguments([]), { fresh: false, ngServeArgs: [] });
  });

  it('keeps what the emulator saved across restarts, and --fresh deletes it', async () => {
    const first = prepareDemoData(root, false);
    assert.equal(first.existed, false);
    assert.equal(first.path, join(root, DEMO_DATA_FOLDER, 'emulator.json'));

    const emulator = await startEmulator({
      port: 0,
      quiet: true,
      dataFile: first.path,
      seed: demoSeed(),
    });
    const token = emulator.createServerToken();
    const response = await fetch(
      `${emulator.url}/channels/messaging/general/message?api_key=${emulator.apiKey}`,
      {
        method: 'POST',
        headers: {
          Authorization: token,
          'stream-auth-type': 'jwt',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ message: { text: 'Kept across restarts', user_id: 'bob' } }),
      },
    );
    assert.equal(response.status, 201, await response.text());
    await emulator.close();

    const second = prepareDemoData(root, false);
    assert.equal(second.existed, true);
    const restarted = await startEmulator({ port: 0, quiet: true, dataFile: second.path });
    const texts = restarted.messages('messaging:general').map((message) => message['text']);
    await restarted.close();
    assert.equal(texts.at(-1), 'Kept across restarts');

    writeFileSync(join(root, DEMO_DATA_FOLDER, 'emulator.json.uploads'), 'stale');
    const fresh = prepareDemoData(root, true);
    assert.equal(fresh.existed, false);
    assert.equal(existsSync(join(root, DEMO_DATA_FOLDER, 'emulator.json.uploads')), false);
  });
});
