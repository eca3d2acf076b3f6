/** Thrown when `provideStreamChat()` or `StreamChatModule.forRoot()` is given twice for the root. */
export function duplicateRootProvidersError(): Error {
  return new Error(
    'ngx-stream-chat: provideStreamChat() / StreamChatModule.forRoot() was provided more than once ' +
      'for the root injector. Provide it once, in the application config or the root NgModule.',
  );
}
