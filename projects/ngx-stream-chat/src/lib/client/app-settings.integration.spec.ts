import { ChatAppSettings, StreamChatError } from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { tokenFor, uniqueId } from '../../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../../jest/emulator-environment';

describe('ChatClientService app settings', () => {
  const fixture = useChannelServiceFixture();

  it('loads the settings on request, publishes them, and loads them once', async () => {
    const emitted: (ChatAppSettings | undefined)[] = [];
    fixture.chat.appSettings$.subscribe((settings) => emitted.push(settings));
    await fixture.connect('bob');
    expect(fixture.chat.appSettings()).toBeUndefined();
    const client = fixture.chat.chatClient;
    const requests = jest.spyOn(client!, 'getAppSettings');

    await Promise.all([fixture.chat.getAppSettings(), fixture.chat.getAppSettings()]);

    expect(requests).toHaveBeenCalledTimes(1);
    expect(fixture.chat.appSettings()).toMatchObject({
      name: 'stream-chat-emulator',
      channel_configs: { messaging: expect.objectContaining({ typing_events: true }) },
    });
    expect(emitted).toEqual([undefined, fixture.chat.appSettings()]);

    // A request now would fail: the loaded settings are kept, and nothing is asked.
    await fixture.admin.failNextRequests(1, 500);
    await fixture.chat.getAppSettings();
    await fixture.admin.clearRequestFaults();
    expect(requests).toHaveBeenCalledTimes(1);
    expect(emitted).toHaveLength(2);
  });

  it('rejects with a typed error when the server fails, publishes nothing, and the next call loads', async () => {
    await fixture.connect('bob');
    await fixture.admin.failNextRequests(1, 503);

    const failed = fixture.chat.getAppSettings();

    await expect(failed).rejects.toBeInstanceOf(StreamChatError);
    await expect(failed).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining('getAppSettings()'),
    });
    expect(fixture.chat.appSettings()).toBeUndefined();

    await fixture.chat.getAppSettings();
    expect(fixture.chat.appSettings()?.name).toBe('stream-chat-emulator');
  });

  it('refuses without a connected user', async () => {
    await expect(fixture.chat.getAppSettings()).rejects.toMatchObject({
      name: 'StreamChatError',
      kind: 'invalid-input',
      message: expect.stringContaining('needs a connected user'),
    });
    expect(fixture.chat.appSettings()).toBeUndefined();
  });

  it("keeps the app's settings across users of the same key, and forgets them on init() with another key", async () => {
    await fixture.connect('bob');
    await fixture.chat.getAppSettings();
    await fixture.connect('carol');
    expect(fixture.chat.appSettings()?.name).toBe('stream-chat-emulator');

    const id = uniqueId('dave');
    const otherKey = fixture.chat.init('another-apps-key', id, tokenFor(id));
    await expect(otherKey).rejects.toMatchObject({ kind: 'invalid-api-key' });
    expect(fixture.chat.appSettings()).toBeUndefined();

    await fixture.chat.init(integrationEmulator().apiKey, id, tokenFor(id));
    await fixture.chat.getAppSettings();
    expect(fixture.chat.appSettings()?.name).toBe('stream-chat-emulator');
  });
});
