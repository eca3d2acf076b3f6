import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CHAT_BACKEND } from '../chat-backend.token';
import { ConnectChoice } from '../session/connect-choice';
import { DemoSession } from '../session/demo-session.service';
import { LAST_CONNECT_CHOICE_KEY } from '../session/last-connect-choice';
import { TEST_BACKEND } from '../testing/demo-test-providers';
import { BACKEND_PROBE } from './backend-probe';
import { ConnectPanel } from './connect-panel';

describe('ConnectPanel', () => {
  let choices: ConnectChoice[];
  let busy: ReturnType<typeof signal<boolean>>;

  async function render() {
    choices = [];
    busy = signal(false);
    TestBed.configureTestingModule({
      providers: [
        { provide: CHAT_BACKEND, useValue: TEST_BACKEND },
        { provide: BACKEND_PROBE, useValue: () => Promise.resolve(true) },
        {
          provide: DemoSession,
          useValue: { busy, connect: async (choice: ConnectChoice) => choices.push(choice) },
        },
      ],
    });
    const fixture = TestBed.createComponent(ConnectPanel);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const radio = (value: string) =>
      element.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`)!;
    const pick = async (value: string) => {
      radio(value).click();
      await fixture.whenStable();
    };
    const type = async (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      element.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await fixture.whenStable();
    };
    return { fixture, element, radio, pick, type, submit };
  }

  afterEach(() => localStorage.clear());

  it('offers the five modes of the vendor page, each with a label', async () => {
    const { element } = await render();
    const labels = [...element.querySelectorAll('.modes label .option-title')].map((label) =>
      label.textContent?.trim(),
    );
    expect(labels).toEqual([
      'Token provider',
      'Static token',
      'Development token',
      'Guest',
      'Anonymous',
    ]);
    expect(element.querySelector('[data-testid="backend-label"]')?.textContent).toBe(
      'Local emulator at http://127.0.0.1:3100',
    );
  });

  it('connects alice with a token provider of the chosen lifetime', async () => {
    const { type, submit, element } = await render();
    await type('#token-lifetime', '5');
    expect(element.querySelector('[data-testid="init-preview"]')?.textContent).toContain(
      'user_id=alice&expires_in=5',
    );
    await submit();
    expect(choices).toEqual([
      { mode: 'token-provider', userId: 'alice', guestName: undefined, tokenLifetimeSeconds: 5 },
    ]);
  });

  it('refuses a token lifetime out of range', async () => {
    const { type, submit, element } = await render();
    await type('#token-lifetime', '0');
    await submit();
    expect(choices).toEqual([]);
    expect(element.querySelector('#token-lifetime')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('connects bob with a static or development token', async () => {
    const { pick, submit } = await render();
    await pick('bob');
    await pick('static-token');
    await submit();
    await pick('dev-token');
    await submit();
    expect(choices.map(({ mode, userId }) => [mode, userId])).toEqual([
      ['static-token', 'bob'],
      ['dev-token', 'bob'],
    ]);
  });

  it('asks a guest for a name before connecting', async () => {
    const { pick, type, submit, element } = await render();
    await pick('guest');
    expect(element.querySelector('input[name="user"]')).toBeNull();
    await submit();
    expect(choices).toEqual([]);
    expect(element.querySelector('#guest-name-hint')?.textContent?.trim()).toBe(
      'Enter a name to connect as a guest.',
    );
    await type('#guest-name', ' Sam ');
    await submit();
    expect(choices).toEqual([
      { mode: 'guest', userId: undefined, guestName: 'Sam', tokenLifetimeSeconds: undefined },
    ]);
  });

  it('connects anonymously without a user', async () => {
    const { pick, submit, element } = await render();
    await pick('anonymous');
    expect(element.querySelector('[data-testid="init-preview"]')?.textContent).toContain(
      "chatService.init(apiKey, undefined, 'anonymous')",
    );
    await submit();
    expect(choices[0].mode).toBe('anonymous');
  });

  it('disables the button while connecting', async () => {
    const { fixture, element } = await render();
    busy.set(true);
    await fixture.whenStable();
    const button = element.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(button.disabled).toBe(true);
    expect(button.textContent?.trim()).toBe('Connecting…');
  });

  it('preselects the last mode, user and token lifetime', async () => {
    localStorage.setItem(
      LAST_CONNECT_CHOICE_KEY,
      JSON.stringify({ mode: 'token-provider', userId: 'carol', tokenLifetimeSeconds: 5 }),
    );
    const { radio, element, submit } = await render();
    expect(radio('token-provider').checked).toBe(true);
    expect(radio('carol').checked).toBe(true);
    expect(element.querySelector<HTMLInputElement>('#token-lifetime')?.value).toBe('5');
    await submit();
    expect(choices).toEqual([
      { mode: 'token-provider', userId: 'carol', guestName: undefined, tokenLifetimeSeconds: 5 },
    ]);
  });
});
