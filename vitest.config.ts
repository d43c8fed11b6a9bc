import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// Two cores here: the end-to-end tests spawn real processes and pseudo-terminals.
		maxWorkers: 2,
	},
});
