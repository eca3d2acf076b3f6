import { StreamChatError } from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { connectPeer, uniqueId } from '../../../../../jest/chat-peer';

describe('ChatClientService.autocompleteUsers()', () => {
  const fixture = useChannelServiceFixture();

  /** Users the server knows, whose ids start with `prefix` and who have the given names. */
  async function createUsers(prefix: string, names: string[]): Promise<string[]> {
    return Promise.all(
      names.map(async (name) => {
        const id = uniqueId(prefix);
        const client = await connectPeer(id, name);
        await client.disconnectUser(0);
        return id;
      }),
    );
  }

  it('finds users by the start of their id or of a word of their name, without the connected user', async () => {
    const tag = uniqueId('tag').replace(/-/g, '');
    const [rosa, rob] = await createUsers(tag, [`Rosa ${tag}`, 'Rob Quill']);
    const bob = await fixture.connect(tag);

    const byId = await fixture.chat.autocompleteUsers(tag);
    expect(byId.map((user) => user.id).sort()).toEqual([rosa, rob].sort());
    expect(byId.map((user) => user.id)).not.toContain(bob);

    const quill = await fixture.chat.autocompleteUsers('quil');
    expect(quill.map((user) => user.id)).toContain(rob);
    expect(quill.map((user) => user.id)).not.toContain(rosa);

    expect(await fixture.chat.autocompleteUsers('')).toEqual([]);
  });

  it('refuses without a connected user, reports server failures typed, and the next search works', async () => {
    await expect(fixture.chat.autocompleteUsers('ro')).rejects.toMatchObject({
      name: 'StreamChatError',
      kind: 'invalid-input',
      message: expect.stringContaining('needs a connected user'),
    });
    const tag = uniqueId('flaky').replace(/-/g, '');
    const [found] = await createUsers(tag, ['Found']);
    await fixture.connect('bob');
    await fixture.admin.failNextRequests(1, 500);

    const failed = fixture.chat.autocompleteUsers(tag);

    await expect(failed).rejects.toBeInstanceOf(StreamChatError);
    await expect(failed).rejects.toMatchObject({
      status: 500,
      message: expect.stringContaining('autocompleteUsers()'),
    });
    expect((await fixture.chat.autocompleteUsers(tag)).map((user) => user.id)).toEqual([found]);
  });

  it('rejects a search whose answer comes after another user connected', async () => {
    const tag = uniqueId('late').replace(/-/g, '');
    await createUsers(tag, ['Late']);
    await fixture.connect('bob');
    await fixture.admin.delayNextRequests(1, 300);

    const search = fixture.chat.autocompleteUsers(tag);
    await fixture.connect('carol');

    await expect(search).rejects.toMatchObject({ name: 'StreamChatError', kind: 'superseded' });
    expect(await fixture.chat.autocompleteUsers(tag)).toHaveLength(1);
  });
});
