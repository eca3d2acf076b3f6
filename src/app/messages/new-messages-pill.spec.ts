import { TestBed } from '@angular/core/testing';
import { NewMessagesPill } from './new-messages-pill';

describe('NewMessagesPill', () => {
  it('counts the new messages, or offers to jump to the latest, and emits when pressed', async () => {
    const fixture = TestBed.createComponent(NewMessagesPill);
    let jumps = 0;
    fixture.componentInstance.jump.subscribe(() => jumps++);
    await fixture.whenStable();
    const button = (fixture.nativeElement as HTMLElement).querySelector('button')!;
    expect(button.textContent?.trim()).toBe('Jump to latest');
    fixture.componentRef.setInput('count', 1);
    await fixture.whenStable();
    expect(button.textContent?.trim()).toBe('1 new message');
    fixture.componentRef.setInput('count', 3);
    await fixture.whenStable();
    expect(button.textContent?.trim()).toBe('3 new messages');
    button.click();
    expect(jumps).toBe(1);
  });
});
