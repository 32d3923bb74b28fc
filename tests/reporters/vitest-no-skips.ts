// With CI set, a skipped unit test fails the run: a test that cannot run on the CI machine is a missing tool
// for .ci/run to install, not something to pass silently.
import type { Reporter, TestModule } from 'vitest/node';

export default class NoSkipsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules.flatMap((module) => [...module.children.allTests('skipped')].map((test) => `${module.moduleId}: ${test.fullName}`));
    if (skipped.length === 0) return;
    console.error(`\n${skipped.length} unit test(s) skipped, which CI does not allow:\n  ${skipped.join('\n  ')}`);
    process.exitCode = 1;
  }
}
