import { TestBed } from '@angular/core/testing';
import { App } from './app';
import { appConfig } from './app.config';

describe('App', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [App], providers: appConfig.providers });
  });

  it('shows the chat backend it is configured with', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('h1')?.textContent).toContain('ngx-stream-chat demo');
    expect(element.querySelector('[data-testid="backend-url"]')?.textContent).toBe(
      'http://127.0.0.1:3100',
    );
  });
});
