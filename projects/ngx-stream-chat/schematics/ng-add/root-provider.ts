import { Rule, Tree } from '@angular-devkit/schematics';
import { addRootImport, addRootProvider } from '@schematics/angular/utility';
import { isStandaloneApp } from '@schematics/angular/utility/ng-ast-utils';
import { AppProject } from './app-project';
import { NG_ADD_PREFIX } from './ng-add-errors';

/** Code that shows the library is provided already: either way of setting it up. */
const EXISTING_SETUP = /\bprovideStreamChat\s*\(|\bStreamChatModule\b/;

/**
 * The first non-spec TypeScript file under `sourceRoot` that already provides the library,
 * or `undefined` when none does.
 */
export function findExistingSetup(tree: Tree, sourceRoot: string): string | undefined {
  let found: string | undefined;
  tree.getDir(sourceRoot).visit((path) => {
    if (found || !path.endsWith('.ts') || path.endsWith('.spec.ts') || path.endsWith('.d.ts')) {
      return;
    }
    if (EXISTING_SETUP.test(tree.readText(path))) {
      found = path;
    }
  });
  return found;
}

/**
 * Provides the library at the app's root, with `configCode` as its `StreamChatConfig`:
 * `provideStreamChat(config)` in a standalone app (in `app.config.ts` when the app has one),
 * `StreamChatModule.forRoot(config)` in the root NgModule's `imports` otherwise. Does nothing
 * when the app provides the library already.
 */
export function addStreamChatRoot(app: AppProject, configCode: string): Rule {
  return (tree, context) => {
    const existing = findExistingSetup(tree, app.sourceRoot);
    if (existing) {
      context.logger.info(
        `${NG_ADD_PREFIX}: ${existing} provides the library already; left as it is.`,
      );
      return;
    }
    if (isStandaloneApp(tree, app.mainPath)) {
      return addRootProvider(
        app.name,
        ({ code, external }) =>
          code`${external('provideStreamChat', 'ngx-stream-chat')}(${configCode})`,
      );
    }
    return addRootImport(
      app.name,
      ({ code, external }) =>
        code`${external('StreamChatModule', 'ngx-stream-chat')}.forRoot(${configCode})`,
    );
  };
}
