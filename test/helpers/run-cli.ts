import {fileURLToPath} from 'node:url';
import {execa} from 'execa';
import {schemaLines} from './json-lines.js';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** The environment a user's shell would give: without CI (Ink renders differently under CI) or colour forcing. */
export function userEnv(extra: Record<string, string> = {}): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !['CI', 'FORCE_COLOR', 'NO_COLOR', 'GITHUB_ACTIONS'].includes(key)) env[key] = value;
	}
	return {...env, ...extra};
}

export async function runCli(args: string[], options: {env?: Record<string, string>; input?: string} = {}) {
	const result = await execa(process.execPath, [CLI, ...args], {
		reject: false,
		stripFinalNewline: false,
		env: userEnv(options.env),
		extendEnv: false,
		...(options.input === undefined ? {stdin: 'ignore' as const} : {input: options.input}),
	});
	const stdout = String(result.stdout);
	// Every line a --json run prints must match the published schema, whatever the test looks at.
	if (args.includes('--json')) schemaLines(stdout);
	return {exitCode: result.exitCode ?? -1, stdout, stderr: String(result.stderr)};
}

/** A fresh temporary folder, removed after the test (test/helpers/temp-dirs.ts). */
export {tempDir} from './temp-dirs.js';
