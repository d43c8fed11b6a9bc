/**
 * An error no part of dsmn-resync expected is a defect (ARCHITECTURE.md, "Errors and exit codes"): the
 * administrator gets one line that says so and where its details are; the stack goes to a file of the
 * user's state folder, readable by its owner only, never to the screen (unless DSMN_RESYNC_DEBUG is set).
 */
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {stateFolder} from '../targets/real/state-folder.js';

/** What was written for a defect: the file's path, or why it could not be written. */
export type DefectReport = {path: string} | {unwritten: string};

/** The message of any thrown value, on one line. */
export function defectMessage(error: unknown): string {
	const text = error instanceof Error ? error.message || error.name : String(error);
	return text.split('\n')[0] ?? '';
}

/** The stack (or the value) of a defect, as the file and DSMN_RESYNC_DEBUG show it. */
export function defectDetails(error: unknown): string {
	return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/** Writes the defect's details to `defects/` in the state folder; never throws. */
export async function writeDefectReport(error: unknown, context: {build: string; command: string; env: NodeJS.ProcessEnv; now?: Date}): Promise<DefectReport> {
	const now = context.now ?? new Date();
	const folder = join(stateFolder(context.env), 'defects');
	const path = join(folder, `defect-${now.toISOString().replace(/[:.]/g, '-')}-${process.pid}.txt`);
	const text = [
		`${context.build}; node ${process.version}, ${process.platform}`,
		`command: ${context.command}`,
		`at: ${now.toISOString()}`,
		'',
		defectDetails(error),
		'',
	].join('\n');
	try {
		await mkdir(folder, {recursive: true, mode: 0o700});
		await writeFile(path, text, {mode: 0o600, flag: 'wx'});
		return {path};
	} catch (failure) {
		return {unwritten: defectMessage(failure)};
	}
}
