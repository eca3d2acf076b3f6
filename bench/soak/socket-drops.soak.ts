import { ErrorHandler, EnvironmentInjector } from '@angular/core';
import { ChannelService, ChatClientService, ChatMessage } from 'ngx-stream-chat';
import { RunningEmulator, startEmulator } from 'stream-chat-emulator';
import { poll } from '../../projects/stream-chat-emulator/test/poll';
import { sleep } from '../support/emulator-clients';
import { RecordingErrorHandler, libraryInjector } from '../support/library-injector';
import { SoakReport } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';
import { equals, holds } from './soak-checks';

const CHANNEL_ID = 'drop-chat';
const CID = `messaging:${CHANNEL_ID}`;
const USERS = ['drop-alice', 'drop-bob'] as const;

/** One chat participant: ngx-stream-chat's two services on a client of its own. */
interface Participant {
  userId: string;
  injector: EnvironmentInjector;
  chat: ChatClientService;
  channels: ChannelService;
}

async function join(emulator: RunningEmulator, userId: string): Promise<Participant> {
  const injector = libraryInjector(emulator);
  const chat = injector.get(ChatClientService);
  const channels = injector.get(ChannelService);
  await chat.init(emulator.apiKey, userId, emulator.createToken(userId));
  await channels.init({ id: CHANNEL_ID }, undefined, { message_limit: 100 });
  if (channels.activeChannel()?.cid !== CID) {
    throw new Error(`${userId} did not open ${CID}`);
  }
  return { userId, injector, chat, channels };
}

/** Sends one message, resending while it comes back failed. @returns the number of resends. */
async function sendUntilStored(participant: Participant, text: string): Promise<number> {
  let message: ChatMessage = await participant.channels.sendMessage(text);
  let resends = 0;
  while (message.status === 'failed' && resends < 20) {
    resends++;
    await sleep(100);
    message = await participant.channels.resendMessage(message);
  }
  return resends;
}

/** What a participant's list shows, compared with the server's messages. */
function compare(participant: Participant, serverIds: string[]) {
  const listed = participant.channels.activeChannelMessages();
  const ids = listed.map((message) => message.id);
  const counts = new Map<string, number>();
  ids.forEach((id) => counts.set(id, (counts.get(id) ?? 0) + 1));
  const server = new Set(serverIds);
  const received = listed.filter((message) => message.status === 'received').map((m) => m.id);
  const lostIds = serverIds.filter((id) => !counts.has(id));
  return {
    lost: lostIds.length,
    lostIds,
    duplicated: [...counts.values()].filter((count) => count > 1).length,
    unknown: ids.filter((id) => !server.has(id)).length,
    notReceived: listed.filter((message) => message.status !== 'received').length,
    inOrder: received.join() === serverIds.filter((id) => received.includes(id)).join(),
  };
}

/**
 * A two-user chat of 1,000 messages through ChannelService.sendMessage(), while the emulator drops
 * the users' sockets 100 times (close 1012, so the clients reconnect and catch up), spread over
 * the chat. Passes when each user's final message list holds exactly the server's messages: none
 * lost, none twice, none left pending, in the server's order.
 */
export async function run(mode: RunMode): Promise<SoakReport> {
  const messages = bySize(mode, 1000, 60);
  const drops = bySize(mode, 100, 6);
  const messageIntervalMs = 60;
  const dropIntervalMs = 400;
  const timeLimitMs = bySize(mode, 240_000, 40_000);
  const catchUpMs = bySize(mode, 30_000, 10_000);
  const started = Date.now();
  const emulator = await startEmulator({
    port: 0,
    quiet: true,
    seed: {
      users: USERS.map((id) => ({ id })),
      channels: [
        { type: 'messaging', id: CHANNEL_ID, created_by_id: USERS[0], members: [...USERS] },
      ],
    },
  });
  const participants: Participant[] = [];
  try {
    for (const userId of USERS) {
      participants.push(await join(emulator, userId));
    }
    let sent = 0;
    let resends = 0;
    let effectiveDrops = 0;
    let attempts = 0;
    let chatting = true;

    // Drops alternate between the users; when one is still reconnecting, the other is dropped.
    const dropper = (async () => {
      while (chatting && effectiveDrops < drops) {
        await sleep(dropIntervalMs);
        const first = attempts++ % USERS.length;
        const userId = [USERS[first], USERS[1 - first]].find(
          (id) => emulator.faults.connectionCount(id) > 0,
        );
        if (chatting && userId && emulator.faults.dropSockets({ userId }) > 0) {
          effectiveDrops++;
        }
      }
    })();
    // The chat keeps pace with the drops, so all of them happen while it goes on.
    const chatter = (async () => {
      let due = Date.now();
      for (let i = 0; i < messages && Date.now() - started < timeLimitMs; i++) {
        const dropsBefore = Math.min(drops, Math.floor(((i + 1) * drops) / messages));
        while (effectiveDrops < dropsBefore && Date.now() - started < timeLimitMs) {
          await sleep(20);
        }
        due = Math.max(due + messageIntervalMs, Date.now());
        await sleep(due - Date.now());
        resends += await sendUntilStored(participants[i % 2], `message ${i}`);
        sent++;
      }
      chatting = false;
    })();
    await Promise.all([chatter, dropper]);

    // Both users back online and caught up: every server message listed, nothing pending.
    const serverIds = () => emulator.messages(CID).map((message) => message.id);
    const settled = await poll(
      () =>
        participants.every(
          (p) =>
            emulator.faults.connectionCount(p.userId) > 0 &&
            p.chat.connectionState() === 'online' &&
            compare(p, serverIds()).lost === 0,
        ),
      { description: 'both users to catch up', timeoutMs: catchUpMs, intervalMs: 5 },
    ).then(
      () => true,
      () => false,
    );
    await sleep(500);
    const finalServerIds = serverIds();
    const results = participants.map((p) => ({ p, ...compare(p, finalServerIds) }));
    const textOf = new Map(emulator.messages(CID).map((message) => [message.id, message['text']]));
    const lostTexts = results.map(
      (r) =>
        `${r.p.userId}: ${r.lostIds
          .slice(0, 12)
          .map((id) => textOf.get(id))
          .join(', ')}`,
    );
    const errors = participants.reduce(
      (sum, p) => sum + (p.injector.get(ErrorHandler) as RecordingErrorHandler).errors.length,
      0,
    );
    return {
      name: 'Socket drops',
      checks: [
        holds(
          `messages sent within ${timeLimitMs / 1000} s`,
          sent === messages,
          String(messages),
          String(sent),
        ),
        holds(
          'socket drops during the chat',
          effectiveDrops >= drops,
          String(drops),
          String(effectiveDrops),
        ),
        equals('server messages', finalServerIds.length, messages),
        ...results.flatMap((r) => [
          equals(`${r.p.userId}: messages lost`, r.lost),
          equals(`${r.p.userId}: messages listed twice`, r.duplicated),
          equals(`${r.p.userId}: messages not on the server`, r.unknown),
          equals(`${r.p.userId}: messages not received`, r.notReceived),
          holds(`${r.p.userId}: in server order`, r.inOrder, 'yes', r.inOrder ? 'yes' : 'no'),
        ]),
        holds(
          `both caught up within ${catchUpMs / 1000} s of the last message`,
          settled,
          'yes',
          settled ? 'yes' : 'no',
        ),
      ],
      details: {
        messages: sent,
        drops: effectiveDrops,
        'drop rounds': attempts,
        resends,
        'errors reported to ErrorHandler': errors,
        ...(results.some((r) => r.lost > 0) ? { 'lost (first 12)': lostTexts.join('; ') } : {}),
      },
      durationMs: Date.now() - started,
    };
  } finally {
    for (const p of participants) {
      await p.chat.disconnectUser().catch(() => undefined);
      p.injector.destroy();
    }
    await emulator.close();
  }
}
