import { EnvironmentInjector, ErrorHandler } from '@angular/core';
import { ChannelService, ChatClientService, ChatMessage } from 'ngx-stream-chat';
import { StreamChat } from 'stream-chat';
import { poll } from '../../projects/stream-chat-emulator/test/poll';
import { sleep } from '../support/emulator-clients';
import { RecordingErrorHandler, libraryInjector } from '../support/library-injector';
import { SoakReport } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';
import { summarize } from '../support/statistics';
import { formatNumber, renderTable } from '../support/text-table';
import { OutageServers, fetchToken } from './outage-servers';
import { RawSessions, startRawSessions } from './raw-outage-sessions';
import { equals, holds } from './soak-checks';
import { SeededRandom } from './seeded-random';

const CHANNEL_ID = 'outage-chat';
const CID = `messaging:${CHANNEL_ID}`;
const TOKEN_SECONDS = 8;
/** The pass condition: back online this long after the last server it needs returned. */
const RECOVERY_LIMIT_MS = 10_000;
const USERS = {
  provider: 'outage-provider',
  static: 'outage-static',
  guest: 'outage-guest',
  peer: 'outage-peer',
  rawProvider: 'outage-raw-provider',
  rawStatic: 'outage-raw-static',
  rawGuest: 'outage-raw-guest',
} as const;
type SessionName = 'provider' | 'static' | 'guest';
const SESSIONS: SessionName[] = ['provider', 'static', 'guest'];

/** The three ways an outage can end. */
type OutageKind = 'together' | 'server-first' | 'endpoint-first';
const KIND_LABELS: Record<OutageKind, string> = {
  together: 'server + token endpoint back together',
  'server-first': 'server back first, token endpoint later',
  'endpoint-first': 'token endpoint back first',
};

/** One library session: ChatClientService and ChannelService on a client of their own. */
interface Session {
  name: SessionName;
  injector: EnvironmentInjector;
  chat: ChatClientService;
  channels: ChannelService;
  errors: RecordingErrorHandler;
  recoveredAt: number | undefined;
}

/** What one outage showed. */
interface OutageResult {
  kind: OutageKind;
  /** Per session: ms from the last server it needs returning to `connection.recovered`. */
  ours: Record<SessionName, number | undefined>;
  raw: Record<SessionName, number | undefined>;
  /** Per session: errors ChatClientService reported about the connection. */
  errors: Record<SessionName, number>;
  /** Per session: other errors reported meanwhile (by ChannelService's background calls). */
  otherErrors: Record<SessionName, number>;
  lost: number;
}

async function openSession(
  servers: OutageServers,
  name: SessionName,
  staticToken: string,
): Promise<Session> {
  const injector = libraryInjector({ url: servers.url, apiKey: servers.apiKey });
  const chat = injector.get(ChatClientService);
  const channels = injector.get(ChannelService);
  if (name === 'provider') {
    await chat.init(servers.apiKey, USERS.provider, () =>
      fetchToken(servers.tokenUrl, USERS.provider, TOKEN_SECONDS),
    );
  } else if (name === 'static') {
    await chat.init(servers.apiKey, USERS.static, staticToken);
  } else {
    await chat.init(servers.apiKey, { id: USERS.guest }, 'guest');
    await addMember(servers, USERS.guest);
  }
  await channels.init({ id: CHANNEL_ID });
  if (channels.activeChannel()?.cid !== CID) {
    throw new Error(`the ${name} session did not open ${CID}`);
  }
  const session: Session = {
    name,
    injector,
    chat,
    channels,
    errors: injector.get(ErrorHandler) as RecordingErrorHandler,
    recoveredAt: undefined,
  };
  chat.events$.subscribe(({ eventType }) => {
    if (eventType === 'connection.recovered') session.recoveredAt = Date.now();
  });
  return session;
}

/** Sends through ChannelService, resending while the message comes back failed. */
async function sendUntilStored(session: Session, text: string): Promise<string> {
  let message: ChatMessage = await session.channels.sendMessage(text);
  for (let resends = 0; message.status === 'failed' && resends < 20; resends++) {
    await sleep(250);
    message = await session.channels.resendMessage(message);
  }
  return message.id;
}

/** The server-side API client (no socket): it only works while the server is up. */
function serverClient(servers: OutageServers): StreamChat {
  const emulator = servers.emulator;
  return new StreamChat(emulator.apiKey, emulator.apiSecret, { baseURL: servers.url });
}

/** Makes a guest (whose user exists only once it connected) a member of the channel. */
async function addMember(servers: OutageServers, userId: string): Promise<void> {
  await serverClient(servers).channel('messaging', CHANNEL_ID).addMembers([userId]);
}

/** The peer posts through the server-side API (no socket): it is only up while the server is. */
async function peerSends(servers: OutageServers, texts: string[]): Promise<string[]> {
  const channel = serverClient(servers).channel('messaging', CHANNEL_ID);
  const ids: string[] = [];
  for (const text of texts) {
    const { message } = await channel.sendMessage({ text, user_id: USERS.peer });
    ids.push(message.id);
  }
  return ids;
}

function recoveryAfter(recoveredAt: number | undefined, since: number, downAt: number) {
  return recoveredAt !== undefined && recoveredAt > downAt
    ? Math.max(0, recoveredAt - since)
    : undefined;
}

/**
 * Three sessions through ngx-stream-chat (a token provider with 8 s tokens from the app's token
 * endpoint, a static token, a guest), and the same three on raw `stream-chat` clients in a child
 * process, live through outages of the chat server and the token endpoint, each ending three
 * ways: both back together after 5-30 s; the server back first and the token endpoint 90 s later;
 * the token endpoint back first. Around each outage a peer posts messages, and each library
 * session sends one once it is back.
 *
 * Passes when every library session is back (`connection.recovered`) within 10 s of the last
 * server it needs returning (the chat server, and for the provider session also the token
 * endpoint), no message is missing from any session's list, each session reports at most one
 * error per outage, and no promise rejection goes unhandled. The raw clients' recovery times are
 * printed beside the library's.
 *
 * `OUTAGE_SOAK_REPEATS` sets how many times each kind of outage is repeated (10 in the full run).
 */
export async function run(mode: RunMode): Promise<SoakReport> {
  const repeats = Number(process.env['OUTAGE_SOAK_REPEATS'] ?? bySize(mode, 10, 1));
  const endpointLagMs = bySize(mode, 90_000, 15_000);
  /** How long the raw clients get after the last return before they count as "not back". */
  const rawWaitMs = bySize(mode, 30_000, 12_000);
  const random = new SeededRandom(1414);
  const started = Date.now();
  const servers = await OutageServers.start({
    // Guests are created when they connect; they join the channel then.
    users: [USERS.provider, USERS.static, USERS.peer, USERS.rawProvider, USERS.rawStatic].map(
      (id) => ({ id }),
    ),
    channels: [
      {
        type: 'messaging',
        id: CHANNEL_ID,
        created_by_id: USERS.peer,
        members: [USERS.provider, USERS.static, USERS.peer, USERS.rawProvider, USERS.rawStatic],
      },
    ],
  });
  const staticToken = (id: string) => servers.emulator.createToken(id);
  const sessions: Session[] = [];
  let raw: RawSessions | undefined;
  const results: OutageResult[] = [];
  try {
    for (const name of SESSIONS) {
      sessions.push(await openSession(servers, name, staticToken(USERS.static)));
    }
    raw = await startRawSessions({
      url: servers.url,
      apiKey: servers.apiKey,
      apiSecret: servers.emulator.apiSecret,
      tokenUrl: servers.tokenUrl,
      tokenSeconds: TOKEN_SECONDS,
      channelId: CHANNEL_ID,
      users: { provider: USERS.rawProvider, static: USERS.rawStatic, guest: USERS.rawGuest },
      staticToken: staticToken(USERS.rawStatic),
    });
    const kinds: OutageKind[] = ['together', 'server-first', 'endpoint-first'];
    for (let round = 0; round < repeats; round++) {
      for (const kind of kinds) {
        results.push(await outage(kind, round));
      }
    }
  } finally {
    const rawStopped = await raw?.stop().catch(() => undefined);
    for (const session of sessions) {
      await session.chat.disconnectUser().catch(() => undefined);
      session.injector.destroy();
    }
    await servers.close();
    if (rawStopped) rawRejections = rawStopped;
  }
  return report();

  async function outage(kind: OutageKind, round: number): Promise<OutageResult> {
    const rawSessions = raw as RawSessions;
    await rawSessions.restartStalled();
    const errorsBefore = sessions.map((session) => session.errors.errors.length);
    const sent = await peerSends(servers, [`before ${kind} ${round}`]);
    // Each outage lasts 5-30 s in the full run; the smoke run takes 8 s.
    const downMs = mode === 'full' ? 5_000 + random.below(25_001) : 8_000;
    const downAt = Date.now();
    await Promise.all([servers.serverDown(), servers.endpointDown()]);
    let serverBackAt: number;
    let endpointBackAt: number;
    if (kind === 'endpoint-first') {
      await sleep(downMs / 2);
      await servers.endpointUp();
      endpointBackAt = Date.now();
      await sleep(downMs / 2);
      await servers.serverUp();
      serverBackAt = Date.now();
      sent.push(...(await peerSends(servers, [`after ${kind} ${round}`])));
    } else {
      await sleep(downMs);
      await servers.serverUp();
      serverBackAt = Date.now();
      if (kind === 'together') {
        await servers.endpointUp();
      }
      sent.push(...(await peerSends(servers, [`after ${kind} ${round}`])));
      if (kind === 'server-first') {
        // Messages keep coming while the token endpoint is still down.
        const lagEnd = Date.now() + endpointLagMs;
        while (Date.now() < lagEnd) {
          await sleep(Math.min(5_000, lagEnd - Date.now()));
          sent.push(...(await peerSends(servers, [`meanwhile ${kind} ${round}`])));
        }
        await servers.endpointUp();
      }
      endpointBackAt = Date.now();
    }
    const lastBackAt = Math.max(serverBackAt, endpointBackAt);
    const neededBackAt = (name: SessionName) => (name === 'provider' ? lastBackAt : serverBackAt);
    await poll(
      () => sessions.every((session) => (session.recoveredAt ?? 0) > downAt) || undefined,
      { description: `every session back after "${kind}"`, timeoutMs: 60_000, intervalMs: 50 },
    ).catch(() => undefined);
    for (const session of sessions) {
      sent.push(await sendUntilStored(session, `${session.name} back after ${kind} ${round}`));
    }
    // Everyone has seen everyone's messages once the last one arrived everywhere.
    await poll(
      () =>
        sessions.every((session) => {
          const ids = new Set(session.channels.activeChannelMessages().map((m) => m.id));
          return sent.every((id) => ids.has(id));
        }),
      { description: 'every message in every session', timeoutMs: 10_000, intervalMs: 50 },
    ).catch(() => undefined);
    let lost = 0;
    for (const session of sessions) {
      const ids = new Set(session.channels.activeChannelMessages().map((m) => m.id));
      lost += sent.filter((id) => !ids.has(id)).length;
    }
    // The raw clients get a while longer; one that is not back by then counts as not back.
    const rawDeadline = lastBackAt + rawWaitMs;
    while (
      Date.now() < rawDeadline &&
      !SESSIONS.every((name) => (rawSessions.recoveredAt.get(name) ?? 0) > downAt)
    ) {
      await sleep(100);
    }
    const result: OutageResult = {
      kind,
      ours: {} as OutageResult['ours'],
      raw: {} as OutageResult['raw'],
      errors: {} as OutageResult['errors'],
      otherErrors: {} as OutageResult['otherErrors'],
      lost,
    };
    sessions.forEach((session, index) => {
      const since = neededBackAt(session.name);
      result.ours[session.name] = recoveryAfter(session.recoveredAt, since, downAt);
      result.raw[session.name] = recoveryAfter(
        rawSessions.recoveredAt.get(session.name),
        since,
        downAt,
      );
      const reported = session.errors.errors.slice(errorsBefore[index]);
      result.errors[session.name] = reported.filter(isConnectionReport).length;
      result.otherErrors[session.name] = reported.length - result.errors[session.name];
    });
    console.log(
      `  ${kind} #${round + 1} (${downMs / 1000} s down): ` +
        SESSIONS.map(
          (name) => `${name} ${formatMs(result.ours[name])} (raw ${formatMs(result.raw[name])})`,
        ).join(', ') +
        (lost > 0 ? `, ${lost} messages missing` : ''),
    );
    return result;
  }

  function report(): SoakReport {
    const rows: string[][] = [
      [
        'Outage',
        'Session',
        'ngx-stream-chat: median [max]',
        'raw stream-chat: median [max]',
        'raw not back',
      ],
    ];
    const slow: string[] = [];
    let missing = 0;
    for (const kind of ['together', 'server-first', 'endpoint-first'] as OutageKind[]) {
      const ofKind = results.filter((result) => result.kind === kind);
      for (const name of SESSIONS) {
        const ours = ofKind.map((result) => result.ours[name]);
        const raws = ofKind.map((result) => result.raw[name]);
        ours.forEach((value) => {
          if (value === undefined || value > RECOVERY_LIMIT_MS) {
            slow.push(`${name} after "${kind}": ${formatMs(value)}`);
          }
        });
        missing += ours.filter((value) => value === undefined).length;
        rows.push([
          KIND_LABELS[kind],
          name,
          describeTimes(ours),
          describeTimes(raws),
          `${raws.filter((value) => value === undefined).length} of ${raws.length}`,
        ]);
      }
    }
    console.log(
      `\nRecovery time after the last server the session needs came back ` +
        `(raw clients waited for up to ${rawWaitMs / 1000} s):\n${renderTable(rows)}\n`,
    );
    const worstErrors = Math.max(0, ...results.flatMap((result) => Object.values(result.errors)));
    const otherErrors = results
      .flatMap((result) => Object.values(result.otherErrors))
      .reduce((sum, count) => sum + count, 0);
    const lost = results.reduce((sum, result) => sum + result.lost, 0);
    const all = results.flatMap((result) => SESSIONS.map((name) => result.ours[name]));
    const rawAll = results.flatMap((result) => SESSIONS.map((name) => result.raw[name]));
    return {
      name: 'Outages',
      checks: [
        holds(
          'sessions back within 10 s of the last server returning',
          slow.length === 0,
          `all ${results.length * SESSIONS.length} ≤ 10,000 ms`,
          slow.length === 0 ? `worst ${formatMs(Math.max(...(all as number[])))}` : slow.join('; '),
        ),
        equals('sessions not back at all', missing),
        equals('messages missing from a session', lost),
        holds(
          'connection errors reported per session per outage',
          worstErrors <= 1,
          '≤ 1',
          `at most ${worstErrors}`,
        ),
      ],
      details: {
        outages: results.length,
        'repeats per kind': repeats,
        'median recovery (ms)': median(all),
        'raw median recovery (ms)': median(rawAll),
        'other errors reported (ChannelService background calls that failed during outages)':
          otherErrors,
        'raw sessions not back': rawAll.filter((value) => value === undefined).length,
        'raw unhandled rejections': rawRejections?.unhandledRejections ?? 'unknown',
        ...(rawRejections?.firstRejection
          ? { 'raw first rejection': rawRejections.firstRejection }
          : {}),
      },
      durationMs: Date.now() - started,
    };
  }
}

/**
 * Whether an error reported to ErrorHandler is ChatClientService's report of an outage (the one
 * per outage), rather than a failed background call of ChannelService (a mark-read cut by the
 * outage), which it reports on its own.
 */
function isConnectionReport(error: unknown): boolean {
  return (
    error instanceof Error && error.message.startsWith('ngx-stream-chat: the connection to Stream')
  );
}

let rawRejections: { unhandledRejections: number; firstRejection?: string } | undefined;

function formatMs(value: number | undefined): string {
  return value === undefined ? 'not back' : `${formatNumber(value)} ms`;
}

function median(values: (number | undefined)[]): number | string {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? 'none' : Math.round(summarize(known).median);
}

function describeTimes(values: (number | undefined)[]): string {
  const known = values.filter((value): value is number => value !== undefined);
  if (known.length === 0) return 'not back';
  const text = `${formatNumber(summarize(known).median)} ms [${formatNumber(Math.max(...known))}]`;
  return known.length < values.length ? `${text}, ${values.length - known.length} not back` : text;
}
