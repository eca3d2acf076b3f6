import { Tree } from '@angular-devkit/schematics';
import { readWorkspace } from '@schematics/angular/utility';
import {
  mainFileMissingError,
  notAnApplicationError,
  projectNotChosenError,
  projectNotFoundError,
} from './ng-add-errors';

/** The application ng-add sets up. */
export interface AppProject {
  /** Its name in angular.json. */
  name: string;
  /** Its source folder, such as `src` or `projects/shop/src`, without a leading slash. */
  sourceRoot: string;
  /** Its bootstrap file (the build target's `browser` or `main` option). */
  mainPath: string;
}

/**
 * Finds the application to set up: the one named by `--project`, or the workspace's only
 * application. Throws a clear error when there is none, several, or the name is a library.
 */
export async function findAppProject(
  tree: Tree,
  requested: string | undefined,
): Promise<AppProject> {
  const workspace = await readWorkspace(tree);
  const names = [...workspace.projects.keys()];
  const applications = names.filter(
    (name) => workspace.projects.get(name)?.extensions['projectType'] === 'application',
  );
  const name = requested ?? (applications.length === 1 ? applications[0] : undefined);
  if (name === undefined) {
    throw projectNotChosenError(applications);
  }
  const project = workspace.projects.get(name);
  if (!project) {
    throw projectNotFoundError(name, names);
  }
  if (project.extensions['projectType'] !== 'application') {
    throw notAnApplicationError(name);
  }
  const buildOptions = project.targets.get('build')?.options ?? {};
  const mainPath = buildOptions['browser'] ?? buildOptions['main'];
  if (typeof mainPath !== 'string') {
    throw mainFileMissingError(name);
  }
  const root = project.root ? `${project.root}/` : '';
  return { name, sourceRoot: project.sourceRoot ?? `${root}src`, mainPath };
}
