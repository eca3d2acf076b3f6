import { ErrorHandler } from '@angular/core';
import { ChannelService, ChatClientService } from 'ngx-stream-chat';
import { startEmulator } from 'stream-chat-emulator';
import { sleep } from '../support/emulator-clients';
import { RecordingErrorHandler, libraryInjector } from '../support/library-injector';
import { SoakReport } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';
import { equals, holds } from './soak-checks';

const USER_ID = 'token-user';
const CHANNEL_ID = 'token-chat';
const TOKEN_SECONDS = 2;

/** When the token expires, from its `exp` claim (the emulator refuses it from that second on). */
function expiryOf(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
    exp: number;
  };
  return payload.exp * 1000;
}

/**
 * A user connected with a token provider whose tokens live 2 seconds, making calls through the
 * library every 200 ms for 60 s (messages, typing, channel queries), with a socket drop now and
 * then so reconnects need fresh tokens too. Passes with no failed call and a provider call after
 * every expiry.
 */
export async function run(mode: RunMode): Promise<SoakReport> {
  const durationMs = bySize(mode, 60_000, 6_000);
  const callIntervalMs = 200;
  const dropEveryMs = bySize(mode, 15_000, 3_000);
  const started = Date.now();
  const emulator = await startEmulator({
    port: 0,
    quiet: true,
    seed: {
      users: [{ id: USER_ID }, { id: 'token-peer' }],
      channels: [
        {
          type: 'messaging',
          id: CHANNEL_ID,
          created_by_id: USER_ID,
          members: [USER_ID, 'token-peer'],
        },
      ],
    },
  });
  const injector = libraryInjector(emulator);
  const chat = injector.get(ChatClientService);
  const channels = injector.get(ChannelService);
  const issued: { at: number; expiresAt: number }[] = [];
  const provider = async () => {
    const token = emulator.createToken(USER_ID, { expiresInSeconds: TOKEN_SECONDS });
    issued.push({ at: Date.now(), expiresAt: expiryOf(token) });
    return token;
  };

  let calls = 0;
  let failed = 0;
  const failures: string[] = [];
  let drops = 0;
  const call = async (name: string, work: () => Promise<unknown>) => {
    calls++;
    try {
      const result = await work();
      if ((result as { status?: string } | undefined)?.status === 'failed') {
        throw new Error('message failed to send');
      }
    } catch (error) {
      failed++;
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  try {
    await call('init', () => chat.init(emulator.apiKey, USER_ID, provider));
    await call('ChannelService.init', () => channels.init({ id: CHANNEL_ID }));
    const end = Date.now() + durationMs;
    let lastCallAt = Date.now();
    let nextDrop = Date.now() + dropEveryMs;
    for (let i = 0; Date.now() < end; i++) {
      const kind = i % 4;
      if (kind === 0 || kind === 2) {
        await call('sendMessage', () => channels.sendMessage(`message ${i}`));
      } else if (kind === 1) {
        await call('typingStarted', () => channels.typingStarted());
      } else {
        await call('ChannelService.init', () =>
          channels.init({ id: CHANNEL_ID }, undefined, { presence: false }),
        );
      }
      if (Date.now() >= nextDrop) {
        drops += emulator.faults.dropSockets({ userId: USER_ID }) > 0 ? 1 : 0;
        nextDrop += dropEveryMs;
      }
      lastCallAt = Date.now();
      await sleep(callIntervalMs);
    }
    // Each token after the first replaced one that had expired: how long after its expiry? A
    // call made while the newest token is valid, after the one before it expired, answers that
    // earlier expiry: stream-chat calls the provider once per request refused with code 40, and a
    // request sent just before an expiry can be refused after the next token came. Only a call
    // made before either had expired is early.
    const due: number[] = [];
    let repeated = 0;
    let early = 0;
    issued.forEach((token, k) => {
      const current = issued[k - 1];
      const previous = issued[k - 2];
      if (!current) return;
      if (token.at >= current.expiresAt) due.push(token.at - current.expiresAt);
      else if (previous && token.at >= previous.expiresAt) repeated++;
      else early++;
    });
    const worstDelay = Math.max(0, ...due);
    // Tokens that expired well before the last call: each must have been followed by a new one.
    const expired = issued.filter((token) => token.expiresAt < lastCallAt - 1000);
    const unrefreshed = expired.filter((token) => token === issued[issued.length - 1]).length;
    const minimum = Math.floor(durationMs / (TOKEN_SECONDS * 1000)) - 1;
    const errors = (injector.get(ErrorHandler) as RecordingErrorHandler).errors.length;
    return {
      name: 'Short tokens',
      checks: [
        equals('failed calls', failed),
        holds(
          'provider called after each expiry',
          unrefreshed === 0 && expired.length >= minimum,
          `a new token after each of ≥ ${minimum} expiries`,
          `${expired.length} expiries, ${expired.length - unrefreshed} followed by a new token`,
        ),
        holds(
          'new token within 5 s of each expiry',
          worstDelay <= 5000,
          '≤ 5,000 ms',
          `${worstDelay} ms at worst`,
        ),
        equals('provider calls before the token expired', early),
        equals('errors reported to ErrorHandler', errors),
      ],
      details: {
        'seconds of calls': durationMs / 1000,
        calls,
        'provider calls': issued.length,
        'repeated calls for the same expiry': repeated,
        'socket drops': drops,
        ...(failures.length > 0 ? { 'first failure': failures[0] } : {}),
      },
      durationMs: Date.now() - started,
    };
  } finally {
    await chat.disconnectUser().catch(() => undefined);
    injector.destroy();
    await emulator.close();
  }
}
