// Prints `tests: N passed, M failed` from vitest's JSON report (the line CI reads). A missing
// report counts as one failure: it means the suite never ran.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-report.json';
if (!existsSync(file)) {
  console.log('tests: 0 passed, 1 failed');
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + (report.numTotalTests === 0 ? 1 : 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
