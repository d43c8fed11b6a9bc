import {stat} from 'node:fs/promises';

/** Whether something is at this path (a file or a folder). */
export async function exists(path: string): Promise<boolean> {
	try {
		await stat(path);
		return true;
	} catch {
		return false;
	}
}
