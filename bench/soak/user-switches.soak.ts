import { ErrorHandler } from '@angular/core';
import { ChannelService, ChatClientService, ChatUser } from 'ngx-stream-chat';
import { SeedData, startEmulator } from 'stream-chat-emulator';
import { poll } from '../../projects/stream-chat-emulator/test/poll';
import { sleep } from '../support/emulator-clients';
import { RecordingErrorHandler, libraryInjector } from '../support/library-injector';
import { SoakReport } from '../support/report-model';
import { RunMode, bySize } from '../support/run-mode';
import { ClientRecorder } from './recording-client-factory';
import { SeededRandom } from './seeded-random';
import { equals, holds } from './soak-checks';

const USERS = Array.from({ length: 12 }, (_, i) => `switch-user-${i}`);

/** Every user is a member of one shared channel, so ChannelService.init() finds something. */
function switchSeed(): SeedData {
  return {
    users: USERS.map((id) => ({ id })),
    channels: [{ type: 'messaging', id: 'switching', created_by_id: USERS[0], members: USERS }],
  };
}

/**
 * 1,000 user switches through ChatClientService.init(): one at a time, in overlapping pairs and
 * bursts, with a disconnectUser() racing an init(), and ChannelService initialised now and then.
 * Passes with no user$ emission of anyone but the latest requested user, and no listener or
 * socket left once the last user is disconnected.
 */
export async function run(mode: RunMode): Promise<SoakReport> {
  const switches = bySize(mode, 1000, 60);
  const timeLimitMs = bySize(mode, 240_000, 40_000);
  const started = Date.now();
  const emulator = await startEmulator({ port: 0, quiet: true, seed: switchSeed() });
  const recorder = new ClientRecorder();
  const injector = libraryInjector(emulator, { clientFactory: recorder.factory });
  const chat = injector.get(ChatClientService);
  const channels = injector.get(ChannelService);
  const errorHandler = injector.get(ErrorHandler) as RecordingErrorHandler;
  const tokens = new Map(USERS.map((id) => [id, emulator.createToken(id)]));
  const random = new SeededRandom(7);
  const pickUser = () => random.pick(USERS);

  /** The user the latest init() asked for; undefined after a disconnectUser() call. */
  let requested: string | undefined;
  let emissions = 0;
  const wrongUser: string[] = [];
  const subscription = chat.user$.subscribe((user: ChatUser | undefined) => {
    emissions++;
    if (user && user.id !== requested) {
      wrongUser.push(`${user.id} while ${requested ?? 'nobody'} was requested`);
    }
  });
  const init = (userId: string) => {
    requested = userId;
    return chat.init(emulator.apiKey, userId, tokens.get(userId) ?? '');
  };

  let done = 0;
  let superseded = 0;
  let otherFailures = 0;
  let channelInits = 0;
  let outOfTime = false;
  const settle = async (calls: Promise<unknown>[]) => {
    for (const outcome of await Promise.allSettled(calls)) {
      if (outcome.status === 'rejected') {
        const kind = (outcome.reason as { kind?: string }).kind;
        if (kind === 'superseded') superseded++;
        else otherFailures++;
      }
    }
  };

  try {
    while (done < switches) {
      if (Date.now() - started > timeLimitMs) {
        outOfTime = true;
        break;
      }
      const pattern = done % 5;
      if (pattern === 0) {
        await settle([init(pickUser())]);
        done += 1;
      } else if (pattern === 1) {
        await settle([init(pickUser()), init(pickUser())]);
        done += 2;
      } else if (pattern === 2) {
        const burst = 3 + random.below(3);
        await settle(Array.from({ length: burst }, () => init(pickUser())));
        done += burst;
      } else if (pattern === 3) {
        const first = init(pickUser());
        await sleep(random.below(5));
        await settle([first, init(pickUser())]);
        done += 2;
      } else {
        const first = init(pickUser());
        requested = undefined;
        await settle([first, chat.disconnectUser()]);
        await settle([init(pickUser())]);
        done += 2;
      }
      if (chat.user()?.id === requested && done % 10 < 2) {
        channelInits++;
        await channels
          .init({ members: { $in: [requested ?? ''] } }, undefined, { presence: false })
          .catch(() => otherFailures++);
      }
    }
    const finalUser = chat.user()?.id;
    const lastRequested = requested;
    requested = undefined;
    await chat.disconnectUser();
    channels.reset();
    await poll(() => emulator.faults.connectionCount() === 0, {
      description: 'sockets to close',
      timeoutMs: 5000,
      intervalMs: 5,
    }).catch(() => undefined);
    const leftoverListeners = recorder.listenerCount();
    const openClientSockets = recorder.openSocketCount();
    const serverSockets = emulator.faults.connectionCount();
    return {
      name: 'User switches',
      checks: [
        holds(
          `user switches within ${timeLimitMs / 1000} s`,
          !outOfTime,
          String(switches),
          String(done),
        ),
        equals('wrong-user emissions on user$', wrongUser.length),
        holds(
          'user$ after the last switch',
          finalUser === lastRequested,
          lastRequested ?? 'nobody',
          finalUser ?? 'nobody',
        ),
        equals('failures other than superseded', otherFailures),
        equals('errors reported to ErrorHandler', errorHandler.errors.length),
        equals('listeners left on any client', leftoverListeners),
        equals('sockets left open (clients)', openClientSockets),
        equals('sockets left open (emulator)', serverSockets),
      ],
      details: {
        switches: done,
        superseded,
        'user$ emissions': emissions,
        'ChannelService inits': channelInits,
        'clients built': recorder.clients.length,
        ...(wrongUser.length > 0 ? { 'first wrong emission': wrongUser[0] } : {}),
      },
      durationMs: Date.now() - started,
    };
  } finally {
    subscription.unsubscribe();
    injector.destroy();
    await emulator.close();
  }
}
