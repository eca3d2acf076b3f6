import { TestBed } from '@angular/core/testing';
import { ErrorBanner } from './error-banner';

describe('ErrorBanner', () => {
  it('shows the error as an alert, and emits when dismissed', async () => {
    const fixture = TestBed.createComponent(ErrorBanner);
    fixture.componentRef.setInput('error', {
      title: 'Could not connect',
      detail: 'Check the URL.',
    });
    let dismissed = 0;
    fixture.componentInstance.dismissed.subscribe(() => dismissed++);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('[role="alert"] .title')?.textContent).toBe('Could not connect');
    expect(element.querySelector('.detail')?.textContent).toBe('Check the URL.');
    element.querySelector<HTMLButtonElement>('button')!.click();
    expect(dismissed).toBe(1);
  });
});
