import { TestBed } from '@angular/core/testing';
import { THEME_KEY, ThemePreference, applyStoredTheme, parseTheme } from './theme-preference';

describe('ThemePreference', () => {
  let systemDark: boolean;
  let changeListener: ((event: { matches: boolean }) => void) | undefined;

  beforeEach(() => {
    localStorage.clear();
    delete document.documentElement.dataset['theme'];
    systemDark = false;
    changeListener = undefined;
    window.matchMedia = ((query: string) => ({
      matches: query === '(prefers-color-scheme: dark)' && systemDark,
      addEventListener: (_: string, listener: (event: { matches: boolean }) => void) =>
        (changeListener = listener),
    })) as unknown as typeof window.matchMedia;
  });

  it('follows the system until the user picks a theme, and sets nothing on <html> meanwhile', () => {
    systemDark = true;
    const preference = TestBed.inject(ThemePreference);
    expect(preference.theme()).toBe('dark');
    changeListener!({ matches: false });
    expect(preference.theme()).toBe('light');
    expect(document.documentElement.dataset['theme']).toBeUndefined();
  });

  it('remembers the theme picked with toggle() and pins it on <html>', () => {
    const preference = TestBed.inject(ThemePreference);
    preference.toggle();
    expect(preference.theme()).toBe('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    expect(document.documentElement.dataset['theme']).toBe('dark');
    changeListener!({ matches: false });
    expect(preference.theme()).toBe('dark');
    preference.toggle();
    expect(localStorage.getItem(THEME_KEY)).toBe('light');
    expect(document.documentElement.dataset['theme']).toBe('light');
  });

  it('starts from the remembered theme, before the app boots too', () => {
    localStorage.setItem(THEME_KEY, 'dark');
    applyStoredTheme(document.documentElement);
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(TestBed.inject(ThemePreference).theme()).toBe('dark');
  });

  it('ignores anything stored that is not a theme', () => {
    expect(parseTheme('purple')).toBeUndefined();
    expect(parseTheme(null)).toBeUndefined();
    localStorage.setItem(THEME_KEY, 'purple');
    applyStoredTheme(document.documentElement);
    expect(document.documentElement.dataset['theme']).toBeUndefined();
    expect(TestBed.inject(ThemePreference).theme()).toBe('light');
  });
});
