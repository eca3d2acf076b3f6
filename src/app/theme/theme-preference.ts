import { DOCUMENT, Injectable, PLATFORM_ID, computed, inject, signal } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';
import { browserStorage, readStored, writeStored } from '../shared/browser-storage';

/** The demo's two color themes. */
export type Theme = 'light' | 'dark';

/** The `localStorage` key of the theme the user picked. */
export const THEME_KEY = 'ngx-stream-chat-demo.theme';

/** The media query of the system's dark mode. */
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** A stored theme, or `undefined` when nothing valid is stored. */
export function parseTheme(value: string | null): Theme | undefined {
  return value === 'light' || value === 'dark' ? value : undefined;
}

/**
 * Pins the stored theme on `<html data-theme>` before the app starts, so the first paint is
 * already in the right colors. Without a stored theme the page follows the system.
 */
export function applyStoredTheme(root: HTMLElement, storage = browserStorage()): void {
  const theme = parseTheme(readStored(storage, THEME_KEY));
  if (theme) {
    root.dataset['theme'] = theme;
  }
}

/**
 * The color theme: the system's (`prefers-color-scheme`) until the user picks one with
 * `toggle()`; the pick is remembered in `localStorage` (in memory where storage is unavailable)
 * and set as `data-theme` on `<html>`, which the global styles read.
 */
@Injectable({ providedIn: 'root' })
export class ThemePreference {
  private readonly root = inject(DOCUMENT).documentElement;
  private readonly browser = isPlatformBrowser(inject(PLATFORM_ID));
  private readonly storage = this.browser ? browserStorage() : undefined;
  private readonly media =
    this.browser && typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : undefined;
  private readonly systemDark = signal(this.media?.matches ?? false);
  private readonly picked = signal(parseTheme(readStored(this.storage, THEME_KEY)));

  /** The theme in use now. */
  readonly theme = computed<Theme>(() => this.picked() ?? (this.systemDark() ? 'dark' : 'light'));

  constructor() {
    this.media?.addEventListener('change', (event) => this.systemDark.set(event.matches));
    this.applyPicked();
  }

  /** Switches to the other theme and remembers it. */
  toggle(): void {
    this.picked.set(this.theme() === 'dark' ? 'light' : 'dark');
    writeStored(this.storage, THEME_KEY, this.picked()!);
    this.applyPicked();
  }

  private applyPicked(): void {
    const picked = this.picked();
    if (picked) {
      this.root.dataset['theme'] = picked;
    }
  }
}
