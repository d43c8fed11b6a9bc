/**
 * A vitest setup file (vitest.config.ts): in `npm test`, skips the tests test/helpers/suite.ts's WHOLE_ONLY
 * leaves to `npm run test:slow`, and fails the file when one of its names there matches none of its tests.
 */
import {relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeEach, type RunnerTask} from 'vitest';
import {npmTestSample, WHOLE_ONLY} from './suite.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function testNames(task: RunnerTask): string[] {
	return task.type === 'suite' ? task.tasks.flatMap(testNames) : [task.name];
}

if (npmTestSample) {
	let file: RunnerTask | undefined;
	beforeEach(context => {
		file = context.task.file;
		const names = WHOLE_ONLY[relative(root, context.task.file.filepath)] ?? [];
		if (names.some(name => context.task.name.includes(name))) context.skip('npm run test:slow only (test/helpers/suite.ts)');
	});
	afterAll(() => {
		if (file === undefined || !('filepath' in file)) return;
		const path = relative(root, file.filepath);
		const tests = testNames(file);
		const unmatched = (WHOLE_ONLY[path] ?? []).filter(name => !tests.some(test => test.includes(name)));
		if (unmatched.length > 0) throw new Error(`test/helpers/suite.ts names tests that ${path} does not have: ${unmatched.join('; ')}`);
	});
}
