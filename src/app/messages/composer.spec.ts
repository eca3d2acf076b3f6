import { TestBed } from '@angular/core/testing';
import { AttachmentUpload, ChatMessage } from 'ngx-stream-chat';
import type { ChannelMemberResponse } from 'stream-chat';
import { DemoSession } from '../session/demo-session.service';
import {
  FakeChannelService,
  FakeChatClientService,
  chatMessage,
  chatUser,
  fakeChannel,
  provideChatFakes,
} from '../testing/chat-fakes';
import { Composer } from './composer';

describe('Composer', () => {
  let channels: FakeChannelService;
  let reports: string[];

  async function render(
    disabledReason?: string,
    setUp: (fake: FakeChannelService) => void = () => undefined,
  ) {
    channels = new FakeChannelService();
    const chat = new FakeChatClientService();
    chat.userState.set(chatUser({ id: 'alice' }));
    setUp(channels);
    reports = [];
    TestBed.configureTestingModule({
      providers: [
        ...provideChatFakes(chat, channels),
        { provide: DemoSession, useValue: { report: (title: string) => reports.push(title) } },
      ],
    });
    const fixture = TestBed.createComponent(Composer);
    fixture.componentRef.setInput('channelName', 'General');
    fixture.componentRef.setInput('disabledReason', disabledReason);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const textarea = element.querySelector('textarea')!;
    const type = async (text: string) => {
      textarea.value = text;
      textarea.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const press = async (key: string, init: KeyboardEventInit = {}) => {
      const event = new KeyboardEvent('keydown', { key, cancelable: true, ...init });
      textarea.dispatchEvent(event);
      await fixture.whenStable();
      return event;
    };
    return { fixture, element, textarea, type, press };
  }

  it('is labelled with the channel name', async () => {
    const { element, textarea } = await render();
    expect(element.querySelector(`label[for="${textarea.id}"]`)?.textContent).toBe(
      'Message General',
    );
  });

  it('tells the others while typing, and sends with Enter', async () => {
    const { textarea, type, press } = await render();
    await type('Hi');
    expect(channels.calls).toEqual([['typingStarted']]);
    const enter = await press('Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(channels.calls).toEqual([['typingStarted'], ['typingStopped'], ['sendMessage', 'Hi']]);
    expect(textarea.value).toBe('');
  });

  it('adds a line with Shift+Enter, and sends nothing blank', async () => {
    const { type, press } = await render();
    await type('Hi');
    const shiftEnter = await press('Enter', { shiftKey: true });
    expect(shiftEnter.defaultPrevented).toBe(false);
    await type('   ');
    await press('Enter');
    expect(channels.calls.filter(([method]) => method === 'sendMessage')).toEqual([]);
    expect(channels.calls.at(-1)).toEqual(['typingStopped']);
  });

  it('sends with the button too', async () => {
    const { element, type, fixture } = await render();
    await type('Hello');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
    expect(channels.calls.at(-1)).toEqual(['sendMessage', 'Hello']);
  });

  it('reports a send that throws', async () => {
    const { type, press } = await render();
    channels.sendBehavior = () => Promise.reject(new Error('no active channel'));
    await type('Hi');
    await press('Enter');
    await Promise.resolve();
    expect(reports).toEqual(['Could not send the message']);
  });

  it('is disabled, and says why, when the user may not write', async () => {
    const { element, textarea, press } = await render('Anonymous users can read but not write.');
    expect(textarea.disabled).toBe(true);
    expect(element.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);
    const reason = element.querySelector('[data-testid="composer-disabled-reason"]');
    expect(reason?.textContent?.trim()).toBe('Anonymous users can read but not write.');
    expect(textarea.getAttribute('aria-describedby')).toBe(reason?.id);
    await press('Enter');
    expect(channels.calls).toEqual([]);
  });

  describe('mentions', () => {
    const member = (id: string, name: string) =>
      ({ user_id: id, user: { id, name } }) as ChannelMemberResponse;

    async function renderWithMembers() {
      const view = await render(undefined, (fake) => {
        fake.membersFor = (term) =>
          [member('bob', 'Bob Nguyen'), member('bea', 'Bea Li')].filter((m) =>
            m.user!.name!.toLowerCase().startsWith(term.toLowerCase()),
          );
      });
      const options = () => [...view.element.querySelectorAll('[role="option"]')];
      return { ...view, options };
    }

    it('lists matching members after "@", as a listbox the text area controls', async () => {
      const { textarea, type, options } = await renderWithMembers();
      await type('Hi @b');
      expect(channels.calls).toContainEqual(['autocompleteMembers', 'b']);
      expect(
        options().map(
          (o) => `${o.querySelector('.name')?.textContent} ${o.querySelector('.id')?.textContent}`,
        ),
      ).toEqual(['Bob Nguyen @bob', 'Bea Li @bea']);
      expect(textarea.getAttribute('role')).toBe('combobox');
      expect(textarea.getAttribute('aria-expanded')).toBe('true');
      expect(textarea.getAttribute('aria-activedescendant')).toBe(options()[0].id);
    });

    it('moves with the arrows, picks with Enter, and sends the mentioned user', async () => {
      const { textarea, type, press, options } = await renderWithMembers();
      await type('Hi @b');
      await press('ArrowDown');
      expect(options()[1].getAttribute('aria-selected')).toBe('true');
      await press('ArrowDown');
      expect(options()[0].getAttribute('aria-selected')).toBe('true');
      const enter = await press('Enter');
      expect(enter.defaultPrevented).toBe(true);
      expect(textarea.value).toBe('Hi @Bob Nguyen ');
      expect(options()).toEqual([]);
      expect(channels.calls.some(([method]) => method === 'sendMessage')).toBe(false);
      await press('Enter');
      expect(channels.calls.at(-1)).toEqual([
        'sendMessage',
        'Hi @Bob Nguyen',
        undefined,
        [{ id: 'bob', name: 'Bob Nguyen' }],
      ]);
    });

    it('closes the list with Escape, and Enter then sends', async () => {
      const { type, press, options } = await renderWithMembers();
      await type('@b');
      await press('Escape');
      expect(options()).toEqual([]);
      await press('Enter');
      expect(channels.calls.at(-1)).toEqual(['sendMessage', '@b']);
    });
  });

  describe('attachments', () => {
    // jsdom has no object URLs; the browser makes them for image previews.
    beforeAll(() => {
      URL.createObjectURL = (blob: Blob) => `blob:${(blob as File).name}`;
      URL.revokeObjectURL = () => undefined;
    });
    const file = (name: string, type: string) => new File(['12345'], name, { type });

    async function pick(element: HTMLElement, files: File[]) {
      const input = element.querySelector<HTMLInputElement>('input[type="file"]')!;
      Object.defineProperty(input, 'files', { value: files, configurable: true });
      input.dispatchEvent(new Event('change'));
    }

    it('uploads picked files, shows their progress, and sends the uploaded ones', async () => {
      const { element, fixture, press } = await render(undefined, (fake) => {
        fake.uploadBehavior = (uploads) => {
          fake.attachmentUploads.set(uploads.map((u) => ({ ...u, progress: 0.4 })));
          return Promise.resolve(uploads);
        };
      });
      await pick(element, [file('notes.txt', 'text/plain')]);
      await fixture.whenStable();
      expect(channels.calls).toContainEqual(['uploadAttachments', ['notes.txt']]);
      const progress = element.querySelector('progress')!;
      expect(progress.getAttribute('aria-label')).toBe('Uploading notes.txt');
      expect(progress.value).toBe(40);
      expect(element.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(
        true,
      );

      const uploaded: AttachmentUpload = {
        ...channels.attachmentUploads()[0],
        state: 'success',
        url: 'http://files/notes.txt',
      };
      channels.attachmentUploads.set([uploaded]);
      await fixture.whenStable();
      expect(element.querySelector('[data-testid="attachment-preview"]')?.textContent).toContain(
        '5 B',
      );
      await press('Enter');
      expect(channels.calls.at(-1)).toEqual([
        'sendMessage',
        '',
        [
          {
            type: 'file',
            asset_url: 'http://files/notes.txt',
            title: 'notes.txt',
            mime_type: 'text/plain',
            file_size: 5,
          },
        ],
      ]);
    });

    it('cancels an upload, and retries a failed one', async () => {
      const failed: AttachmentUpload = {
        file: file('photo.png', 'image/png'),
        type: 'image',
        state: 'error',
        errorReason: 'unknown',
      };
      const { element, fixture } = await render(undefined, (fake) => {
        fake.attachmentUploads.set([failed]);
      });
      expect(element.querySelector('[role="alert"]')?.textContent).toContain('Upload failed');
      element.querySelector<HTMLButtonElement>('[aria-label="Retry photo.png"]')!.click();
      await fixture.whenStable();
      expect(channels.calls).toContainEqual(['uploadAttachments', ['photo.png']]);
      element.querySelector<HTMLButtonElement>('[aria-label="Remove photo.png"]')!.click();
      await fixture.whenStable();
      expect(channels.calls.at(-1)).toEqual(['deleteAttachment', 'photo.png']);
    });

    it("says which files break the app's limits", async () => {
      const { element, fixture } = await render(undefined, (fake) => {
        fake.uploadBehavior = async () => {
          const { StreamChatError } = await import('ngx-stream-chat');
          throw new StreamChatError(
            'invalid-input',
            'ngx-stream-chat: big.zip is over the size limit of 10 bytes',
          );
        };
      });
      await pick(element, [file('big.zip', 'application/zip')]);
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      expect(element.querySelector('[data-testid="upload-problem"]')?.textContent).toContain(
        'big.zip is over the size limit of 10 bytes',
      );
      expect(reports).toEqual([]);
    });

    it('offers no attach button without the upload-file capability', async () => {
      const { element } = await render(undefined, (fake) => {
        fake.activeChannel.set(fakeChannel('general', { capabilities: ['send-message'] }));
      });
      expect(element.querySelector('[aria-label="Attach files"]')).toBeNull();
    });
  });

  it('counts down slow mode, and sends nothing meanwhile', async () => {
    const channel = fakeChannel('general', { capabilities: ['send-message', 'slow-mode'] });
    (channel.data as Record<string, unknown>)['cooldown'] = 30;
    const { element, type, press } = await render(undefined, (fake) => {
      fake.activeChannel.set(channel);
      fake.latestMessageDateByUserByChannels.set({ [channel.cid]: new Date() });
    });
    const countdown = element.querySelector('[data-testid="slow-mode-countdown"]');
    expect(countdown?.textContent).toMatch(/Slow mode: you can send again in (30|29) s/);
    await type('Too soon');
    await press('Enter');
    expect(channels.calls.some(([method]) => method === 'sendMessage')).toBe(false);
  });

  it('shows a counter near the limit and refuses a message over it', async () => {
    const channel = fakeChannel('general');
    (channel as unknown as { getConfig: () => unknown }).getConfig = () => ({
      max_message_length: 10,
    });
    const { element, textarea, type, press } = await render(undefined, (fake) =>
      fake.activeChannel.set(channel),
    );
    await type('1234567');
    expect(element.querySelector('[data-testid="composer-counter"]')).toBeNull();
    await type('12345678');
    expect(element.querySelector('[data-testid="composer-counter"]')?.textContent).toBe(
      '8 / 10 characters',
    );
    await type('12345678901');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    await press('Enter');
    expect(channels.calls.some(([method]) => method === 'sendMessage')).toBe(false);
  });

  it('sends the quoted message along, then clears it', async () => {
    const quoted: ChatMessage = chatMessage({ id: 'q1' });
    const { type, press } = await render(undefined, (fake) => fake.messageToQuote.set(quoted));
    await type('Agreed');
    await press('Enter');
    await Promise.resolve();
    expect(channels.calls.slice(-2)).toEqual([
      ['sendMessage', 'Agreed', undefined, undefined, undefined, 'q1'],
      ['selectMessageToQuote', undefined],
    ]);
  });

  it('is disabled when the user is banned in the channel', async () => {
    const channel = fakeChannel('general', { members: [{ id: 'alice' }] });
    channel.state.members['alice'].banned = true;
    const { element, textarea } = await render(undefined, (fake) =>
      fake.activeChannel.set(channel),
    );
    expect(textarea.disabled).toBe(true);
    expect(
      element.querySelector('[data-testid="composer-disabled-reason"]')?.textContent,
    ).toContain('You are banned from this channel');
  });
});
