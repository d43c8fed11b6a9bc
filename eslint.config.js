// Lint: typescript-eslint's typed rules (ARCHITECTURE.md, "Lint, format and layers"). Run by `npm run lint`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
		},
		rules: {
			// An async method without await is how this code writes an interface's promise-returning method, so
			// that a throw becomes a rejection; rewriting them as Promise.resolve would change that.
			'@typescript-eslint/require-await': 'off',
			// `const {secret: _, ...rest} = x` is how a field is left out of a copy.
			'@typescript-eslint/no-unused-vars': ['error', {ignoreRestSiblings: true}],
		},
	},
	{
		// Tests read JSON (journals, --json output) and assert on its shape: `any` there is what is tested.
		files: ['test/**'],
		rules: {
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-return': 'off',
		},
	},
	{
		files: ['**/*.cjs'],
		extends: [tseslint.configs.disableTypeChecked],
		languageOptions: {sourceType: 'commonjs', globals: {...globals.node}},
		rules: {'@typescript-eslint/no-require-imports': 'off'},
	},
	{
		files: ['scripts/**/*.js', '**/*.mjs', 'eslint.config.js', 'vitest.config.ts'],
		extends: [tseslint.configs.disableTypeChecked],
		languageOptions: {globals: {...globals.node}},
	},
);
