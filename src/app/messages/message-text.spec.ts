import { TestBed } from '@angular/core/testing';
import { fakeMessage } from 'ngx-stream-chat/testing';
import { provideDemoTesting } from '../testing/demo-test-providers';
import { MessageText } from './message-text';

describe('MessageText', () => {
  it('highlights mentions, the own ones apart, and keeps HTML as text', async () => {
    TestBed.configureTestingModule({ providers: provideDemoTesting({ user: 'bob' }) });
    const fixture = TestBed.createComponent(MessageText);
    fixture.componentRef.setInput(
      'message',
      fakeMessage({
        text: '<b>hi</b> @Bob Nguyen and @carol',
        mentioned_users: [
          { id: 'bob', name: 'Bob Nguyen' },
          { id: 'carol', name: 'carol' },
        ],
      }),
    );
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const mentions = [...element.querySelectorAll('[data-testid="mention"]')];
    expect(mentions.map((m) => [m.textContent, m.classList.contains('own')])).toEqual([
      ['@Bob Nguyen', true],
      ['@carol', false],
    ]);
    expect(element.querySelector('b')).toBeNull();
    expect(element.textContent).toContain('<b>hi</b>');
  });

  it('adds no spaces around the text (the bubble keeps white space as written)', async () => {
    TestBed.configureTestingModule({ providers: provideDemoTesting() });
    const fixture = TestBed.createComponent(MessageText);
    fixture.componentRef.setInput('message', fakeMessage({ text: 'Two\nlines' }));
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toBe('Two\nlines');
  });
});
