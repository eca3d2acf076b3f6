import { TestBed } from '@angular/core/testing';
import { AttachmentUpload, ChannelService, ChatMessage, StreamChatError } from 'ngx-stream-chat';
import { StreamChatFakes, fakeChannel, fakeMessage } from 'ngx-stream-chat/testing';
import { DemoSession } from '../session/demo-session.service';
import { openChannel, provideDemoTesting } from '../testing/demo-test-providers';
import { Composer } from './composer';

describe('Composer', () => {
  let fakes: StreamChatFakes;
  let reports: string[];
  /** The calls made to `ChannelService`, as `[method, ...args]`. */
  const channelCalls = () =>
    fakes.calls
      .filter(({ service }) => service === 'ChannelService')
      .map(({ method, args }) => [method, ...args]);

  /**
   * Renders the composer of alice in `general` (active), after `setUp` changed the fakes' state
   * (its calls forgotten).
   */
  async function render(
    disabledReason?: string,
    setUp: (fakes: StreamChatFakes) => unknown = () => undefined,
  ) {
    reports = [];
    TestBed.configureTestingModule({
      providers: [
        provideDemoTesting({ user: 'alice' }),
        { provide: DemoSession, useValue: { report: (title: string) => reports.push(title) } },
      ],
    });
    fakes = await openChannel(fakeChannel('general'));
    await setUp(fakes);
    fakes.clearCalls();
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
    expect(channelCalls()).toEqual([['typingStarted']]);
    const enter = await press('Enter');
    expect(enter.defaultPrevented).toBe(true);
    expect(channelCalls()).toEqual([['typingStarted'], ['typingStopped'], ['sendMessage', 'Hi']]);
    expect(textarea.value).toBe('');
    expect(fakes.messages.of().map((message) => message.text)).toEqual(['Hi']);
  });

  it('adds a line with Shift+Enter, and sends nothing blank', async () => {
    const { type, press } = await render();
    await type('Hi');
    const shiftEnter = await press('Enter', { shiftKey: true });
    expect(shiftEnter.defaultPrevented).toBe(false);
    await type('   ');
    await press('Enter');
    expect(fakes.channels.calls('sendMessage')).toEqual([]);
    expect(channelCalls().at(-1)).toEqual(['typingStopped']);
  });

  it('sends with the button too', async () => {
    const { element, type, fixture } = await render();
    await type('Hello');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
    expect(channelCalls().at(-1)).toEqual(['sendMessage', 'Hello']);
  });

  it('reports a send that throws', async () => {
    // Without an active channel, sendMessage() rejects.
    const { type, press } = await render(undefined, () =>
      TestBed.inject(ChannelService).deselectActiveChannel(),
    );
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
    expect(fakes.calls).toEqual([]);
  });

  describe('mentions', () => {
    async function renderWithMembers() {
      const members = [
        { id: 'alice', name: 'Alice Martin' },
        { id: 'bob', name: 'Bob Nguyen' },
        { id: 'bea', name: 'Bea Li' },
        { id: 'carol', name: 'Carol Diaz' },
      ];
      const view = await render(undefined, async () => {
        await openChannel(fakeChannel('team', { members }));
      });
      const options = () => [...view.element.querySelectorAll('[role="option"]')];
      return { ...view, options };
    }

    it('lists matching members after "@", as a listbox the text area controls', async () => {
      const { textarea, type, options } = await renderWithMembers();
      await type('Hi @b');
      expect(fakes.channels.calls('autocompleteMembers')).toContainEqual(['b']);
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
      expect(fakes.channels.calls('sendMessage')).toEqual([]);
      await press('Enter');
      expect(channelCalls().at(-1)).toEqual([
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
      expect(channelCalls().at(-1)).toEqual(['sendMessage', '@b']);
    });
  });

  describe('attachments', () => {
    // jsdom has no object URLs; the browser makes them for image previews.
    beforeAll(() => {
      URL.createObjectURL = (blob: Blob) => `blob:${(blob as File).name}`;
      URL.revokeObjectURL = () => undefined;
    });
    const file = (name: string, type: string) => new File(['12345'], name, { type });
    /** The names of the files of each `uploadAttachments()` call. */
    const uploadedNames = () =>
      fakes.channels
        .calls('uploadAttachments')
        .map(([uploads]) => (uploads as AttachmentUpload[]).map((upload) => upload.file.name));

    async function pick(element: HTMLElement, files: File[]) {
      const input = element.querySelector<HTMLInputElement>('input[type="file"]')!;
      Object.defineProperty(input, 'files', { value: files, configurable: true });
      input.dispatchEvent(new Event('change'));
    }

    it('uploads picked files, shows their progress, and sends the uploaded ones', async () => {
      const { element, fixture, press } = await render();
      const finish = fakes.channels.holdNext('uploadAttachments');
      await pick(element, [file('notes.txt', 'text/plain')]);
      await fixture.whenStable();
      expect(uploadedNames()).toEqual([['notes.txt']]);
      const [uploading] = TestBed.inject(ChannelService).attachmentUploads();
      fakes.channels.setUploads([{ ...uploading, progress: 0.4 }]);
      await fixture.whenStable();
      const progress = element.querySelector('progress')!;
      expect(progress.getAttribute('aria-label')).toBe('Uploading notes.txt');
      expect(progress.value).toBe(40);
      expect(element.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(
        true,
      );

      finish();
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      expect(element.querySelector('[data-testid="attachment-preview"]')?.textContent).toContain(
        '5 B',
      );
      await press('Enter');
      expect(channelCalls().at(-1)).toEqual([
        'sendMessage',
        '',
        [
          {
            type: 'file',
            asset_url: 'https://uploads.fake.invalid/messaging:general/notes.txt',
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
      const { element, fixture } = await render(undefined, (fakes) => {
        fakes.channels.setUploads([failed]);
      });
      expect(element.querySelector('[role="alert"]')?.textContent).toContain('Upload failed');
      element.querySelector<HTMLButtonElement>('[aria-label="Retry photo.png"]')!.click();
      await fixture.whenStable();
      expect(uploadedNames()).toEqual([['photo.png']]);
      expect(element.querySelector('[role="alert"]')).toBeNull();
      element.querySelector<HTMLButtonElement>('[aria-label="Remove photo.png"]')!.click();
      await fixture.whenStable();
      expect(fakes.calls.at(-1)).toMatchObject({
        method: 'deleteAttachment',
        args: [{ file: failed.file }],
      });
      expect(TestBed.inject(ChannelService).attachmentUploads()).toEqual([]);
    });

    it("says which files break the app's limits", async () => {
      const { element, fixture } = await render(undefined, (fakes) => {
        fakes.channels.failNext(
          'uploadAttachments',
          new StreamChatError('invalid-input', 'big.zip is over the size limit of 10 bytes'),
        );
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
      const { element } = await render(undefined, async () => {
        await openChannel(fakeChannel('news', { capabilities: ['send-message'] }));
      });
      expect(element.querySelector('[aria-label="Attach files"]')).toBeNull();
    });
  });

  it('counts down slow mode, and sends nothing meanwhile', async () => {
    const channel = fakeChannel('slow', {
      capabilities: ['send-message', 'slow-mode'],
      data: { cooldown: 30 },
    });
    const { element, type, press } = await render(undefined, async () => {
      await openChannel(channel);
      await TestBed.inject(ChannelService).sendMessage('Just sent');
    });
    const countdown = element.querySelector('[data-testid="slow-mode-countdown"]');
    expect(countdown?.textContent).toMatch(/Slow mode: you can send again in (30|29) s/);
    await type('Too soon');
    await press('Enter');
    expect(fakes.channels.calls('sendMessage')).toEqual([]);
  });

  it('shows a counter near the limit and refuses a message over it', async () => {
    const channel = fakeChannel('limited');
    // The channel type's config comes from the server's answer to watching the channel.
    jest.spyOn(channel, 'getConfig').mockReturnValue({ max_message_length: 10 } as never);
    const { element, textarea, type, press } = await render(undefined, () => openChannel(channel));
    await type('1234567');
    expect(element.querySelector('[data-testid="composer-counter"]')).toBeNull();
    await type('12345678');
    expect(element.querySelector('[data-testid="composer-counter"]')?.textContent).toBe(
      '8 / 10 characters',
    );
    await type('12345678901');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    await press('Enter');
    expect(fakes.channels.calls('sendMessage')).toEqual([]);
  });

  it('sends the quoted message along, then clears it', async () => {
    const quoted: ChatMessage = fakeMessage({ id: 'q1', text: 'Lunch?' });
    const { type, press } = await render(undefined, (fakes) => {
      fakes.messages.set([quoted]);
      TestBed.inject(ChannelService).selectMessageToQuote(quoted);
    });
    await type('Agreed');
    await press('Enter');
    await Promise.resolve();
    expect(channelCalls().slice(-2)).toEqual([
      ['sendMessage', 'Agreed', undefined, undefined, undefined, 'q1'],
      ['selectMessageToQuote'],
    ]);
    expect(TestBed.inject(ChannelService).messageToQuote()).toBeUndefined();
  });

  it('is disabled when the user is banned in the channel', async () => {
    const channel = fakeChannel('strict', { members: [{ id: 'alice' }] });
    channel.state.members['alice'].banned = true;
    const { element, textarea } = await render(undefined, () => openChannel(channel));
    expect(textarea.disabled).toBe(true);
    expect(
      element.querySelector('[data-testid="composer-disabled-reason"]')?.textContent,
    ).toContain('You are banned from this channel');
  });
});
