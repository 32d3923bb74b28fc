// With CI set, a skipped browser test fails the run (test.only is refused by forbidOnly).
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class NoSkipsReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'skipped') this.skipped.push(test.titlePath().filter(Boolean).join(' › '));
  }

  async onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    if (this.skipped.length === 0) return undefined;
    console.error(`\n${this.skipped.length} browser test(s) skipped, which CI does not allow:\n  ${this.skipped.join('\n  ')}`);
    return { status: result.status === 'passed' ? 'failed' : result.status };
  }
}
