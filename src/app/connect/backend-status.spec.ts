import { PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ChatBackend } from '../chat-backend';
import { CHAT_BACKEND } from '../chat-backend.token';
import { TEST_BACKEND } from '../testing/demo-test-providers';
import { BACKEND_PROBE, BACKEND_PROBE_INTERVAL_MS, backendProbeUrl } from './backend-probe';
import { BackendStatus } from './backend-status';
import { poll } from '../../../projects/stream-chat-emulator/test/poll';

describe('BackendStatus', () => {
  let answers: boolean;
  let probed: string[];

  async function render(backend: ChatBackend = TEST_BACKEND, platform = 'browser') {
    answers = true;
    probed = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: CHAT_BACKEND, useValue: backend },
        { provide: PLATFORM_ID, useValue: platform },
        { provide: BACKEND_PROBE_INTERVAL_MS, useValue: 10 },
        {
          provide: BACKEND_PROBE,
          useValue: async (url: string) => {
            probed.push(url);
            return answers;
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(BackendStatus);
    const element = fixture.nativeElement as HTMLElement;
    const label = element.querySelector('[data-testid="backend-label"]')!;
    const dot = element.querySelector('.dot')!;
    /** Waits (polling) until the label says `text`. */
    const labelBecomes = async (text: string) => {
      await poll(
        async () => {
          await fixture.whenStable();
          return label.textContent?.trim() === text;
        },
        {
          description: () => `the label "${text}", it says "${label.textContent?.trim()}"`,
          timeoutMs: 1000,
          intervalMs: 5,
        },
      );
    };
    return { fixture, label, dot, labelBecomes };
  }

  it('probes GET /app without a token, and follows the answers with live text', async () => {
    const { label, dot, labelBecomes } = await render();
    expect(label.getAttribute('aria-live')).toBe('polite');
    await labelBecomes('Local emulator at http://127.0.0.1:3100');
    expect(dot.classList).toContain('up');
    expect(probed[0]).toBe('http://127.0.0.1:3100/app?api_key=emulator-key');

    answers = false;
    await labelBecomes('Emulator unreachable at http://127.0.0.1:3100');
    expect(dot.classList).toContain('down');
    answers = true;
    await labelBecomes('Local emulator at http://127.0.0.1:3100');
  });

  it("stops probing once destroyed, and names Stream's cloud", async () => {
    const { fixture, labelBecomes } = await render({
      apiKey: 'k',
      tokenEndpoint: 'https://x.test',
    });
    await labelBecomes("Stream's cloud");
    expect(probed[0]).toBe('https://chat.stream-io-api.com/app?api_key=k');
    fixture.destroy();
    const count = probed.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(probed.length).toBe(count);
  });

  it('does not probe on the server', async () => {
    const { fixture, label } = await render(TEST_BACKEND, 'server');
    await fixture.whenStable();
    expect(label.textContent?.trim()).toBe('Checking the local emulator at http://127.0.0.1:3100…');
    expect(probed).toEqual([]);
  });

  it('builds the probe URL with the encoded API key', () => {
    expect(backendProbeUrl({ ...TEST_BACKEND, apiKey: 'a b' })).toBe(
      'http://127.0.0.1:3100/app?api_key=a%20b',
    );
  });
});
