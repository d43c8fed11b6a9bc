/**
 * Paths as the platform writes them. On Windows fast-glob answers `C:/x/y` where resolve() gives `C:\x\y`,
 * and NTFS ignores case: compared as strings they would name two folders.
 */
import path from 'node:path';

export type PathApi = typeof path.posix;

/** The absolute path with the platform's separator (`\` on Windows). */
export function platformPath(value: string, api: PathApi = path): string {
	return api.resolve(value);
}

/** Whether two paths name the same place: separators and `.`/`..` normalised; case ignored on Windows. */
export function samePath(a: string, b: string, api: PathApi = path): boolean {
	const [x, y] = [api.resolve(a), api.resolve(b)];
	return api.sep === '\\' ? x.toLowerCase() === y.toLowerCase() : x === y;
}
