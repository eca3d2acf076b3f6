import { TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import { Theme, ThemePreference } from './theme-preference';
import { ThemeToggle } from './theme-toggle';

describe('ThemeToggle', () => {
  it('is a labelled toggle button that says whether the dark theme is on', async () => {
    const theme = signal<Theme>('light');
    TestBed.configureTestingModule({
      providers: [
        {
          provide: ThemePreference,
          useValue: {
            theme,
            toggle: () => theme.set(theme() === 'dark' ? 'light' : 'dark'),
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(ThemeToggle);
    await fixture.whenStable();
    const button = (fixture.nativeElement as HTMLElement).querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Dark theme');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    button.click();
    await fixture.whenStable();
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.getAttribute('title')).toBe('Switch to the light theme');
  });
});
