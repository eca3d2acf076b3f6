// ora (ESM only) is loaded by @angular-devkit/schematics' install-task executor, which Jest
// cannot require on Node 20. SchematicTestRunner records install tasks and never runs them, so
// the spinner is never used in specs; this stand-in fails loudly if that ever changes.
module.exports = function ora() {
  throw new Error('ora is not available in Jest: schematic specs must not run install tasks');
};
