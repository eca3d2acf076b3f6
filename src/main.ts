import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfigFor } from './app/app.config';
import { loadChatBackend } from './app/chat-backend';
import { applyStoredTheme } from './app/theme/theme-preference';

/** Shows a startup failure where the app would have been, so it is not only in the console. */
function showStartupError(error: unknown): void {
  console.error(error);
  const message = document.createElement('p');
  message.className = 'startup-error';
  message.setAttribute('role', 'alert');
  message.textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.replaceChildren(message);
}

applyStoredTheme(document.documentElement);
loadChatBackend()
  .then((backend) => bootstrapApplication(App, appConfigFor(backend)))
  .catch(showStartupError);
