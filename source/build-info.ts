/**
 * Which dsmn-resync this is: the version and the build (commit, date), baked in by scripts/build.js and
 * scripts/package.js, so that an administrator can say what ran (`--version`, and each journal's first
 * line). Run from source (the tests), nothing was baked in, and it says so. ARCHITECTURE.md, "Layers".
 */
// Each a string or null, never an object: esbuild would make an object a module of its own, which every
// output then imports (dist/cli.js included).
declare const __VERSION__: string | undefined;
declare const __BUILD_COMMIT__: string | null | undefined;
declare const __BUILD_DATE__: string | undefined;

export type BuildInfo = {
	version: string;
	/** The commit built, with "-modified" when the work tree had uncommitted changes; null when built without git. */
	commit: string | null;
	/** When it was built (ISO 8601, UTC); null when run from source. */
	built: string | null;
};

export const BUILD_INFO: BuildInfo =
	typeof __VERSION__ === 'string' && typeof __BUILD_DATE__ === 'string' && typeof __BUILD_COMMIT__ !== 'undefined'
		? {version: __VERSION__, commit: __BUILD_COMMIT__, built: __BUILD_DATE__}
		: {version: '0.0.0-source', commit: null, built: null};

/** One line: "dsmn-resync 0.1.0 (commit 5a77ead2c1f0, built 2026-12-06T13:40:00Z)". */
export function describeBuild(info: BuildInfo = BUILD_INFO): string {
	if (info.built === null) return `dsmn-resync ${info.version} (run from source: not a build)`;
	const commit = info.commit === null ? 'commit unknown: built without git' : `commit ${info.commit}`;
	return `dsmn-resync ${info.version} (${commit}, built ${info.built})`;
}
