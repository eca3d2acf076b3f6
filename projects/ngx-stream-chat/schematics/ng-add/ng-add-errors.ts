import { SchematicsException } from '@angular-devkit/schematics';

/** The prefix of every message `ng add ngx-stream-chat` prints or throws. */
export const NG_ADD_PREFIX = 'ngx-stream-chat';

/** The workspace has no project of the given name. */
export function projectNotFoundError(name: string, known: readonly string[]): SchematicsException {
  const list = known.length > 0 ? known.join(', ') : 'none';
  return new SchematicsException(
    `${NG_ADD_PREFIX}: there is no project "${name}" in angular.json (projects: ${list}). ` +
      'Pass --project <name> with one of them.',
  );
}

/** The workspace holds several applications, or none, and no --project was given. */
export function projectNotChosenError(applications: readonly string[]): SchematicsException {
  const detail =
    applications.length === 0
      ? 'the workspace has no application'
      : `the workspace has several applications (${applications.join(', ')})`;
  return new SchematicsException(
    `${NG_ADD_PREFIX}: ${detail}; pass --project <name> to choose the one to set up.`,
  );
}

/** The chosen project is a library, not an application. */
export function notAnApplicationError(name: string): SchematicsException {
  return new SchematicsException(
    `${NG_ADD_PREFIX}: project "${name}" is not an application; ng add sets up the app that ` +
      'connects users. Pass --project <app>.',
  );
}

/** The application's build target names no entry file. */
export function mainFileMissingError(name: string): SchematicsException {
  return new SchematicsException(
    `${NG_ADD_PREFIX}: project "${name}" has no "browser" (or "main") option in its build ` +
      'target, so its bootstrap code cannot be found. Add provideStreamChat() by hand (see the README).',
  );
}

/** An option value that cannot be written into the app's code or scripts. */
export function invalidOptionError(
  option: string,
  value: string,
  rule: string,
): SchematicsException {
  return new SchematicsException(`${NG_ADD_PREFIX}: --${option} "${value}" is not valid: ${rule}.`);
}
