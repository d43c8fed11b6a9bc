/**
 * The rules across a backup's JET*.LOG files (ARCHITECTURE.md, "Validation rules"), each judged on its own
 * so that one fault never hides another: the current log (JET.LOG) present, the generations without a
 * gap, none newer than the current one, each belonging to MSSYNC.MDB, and a set that starts at a later
 * generation said to be normal. Generations are taken from the names (a log whose header is damaged still
 * holds its place; its own warning says it is damaged) and, for JET.LOG, from its header.
 */
import {generationFromName, logFileName} from '../jet/log-names.js';
import {ERR, NOTE, WARN} from './findings.js';
import type {Inspected} from './inspect-file.js';

/** The warnings about the set as a whole; findings about one log go on that log. */
export function logSetWarnings(inspected: readonly Inspected[], databaseSignature: string | undefined): string[] {
	const warnings: string[] = [];
	const logs = inspected.filter(i => i.kind === 'log');
	const numbered = logs
		.map(entry => ({entry, generation: generationFromName(entry.name)}))
		.filter((l): l is {entry: Inspected; generation: number} => typeof l.generation === 'number')
		.sort((a, b) => a.generation - b.generation);
	const current = logs.find(i => generationFromName(i.name) === 'current');
	const currentGeneration = current?.log?.kind === 'jet500' ? current.log.generation : undefined;
	const patches = inspected.some(i => i.kind === 'patch');

	if (!current && (numbered.length > 0 || patches)) {
		const newest = numbered.at(-1);
		warnings.push(
			`JET.LOG is missing: it is the current log generation, where JET wrote last${newest ? ` (after ${newest.entry.name})` : ''}; the changes logged in it are not in this set. Copy JET.LOG from the same backup if it is there`,
		);
	}

	const generations = new Set(numbered.map(l => l.generation));
	if (currentGeneration !== undefined) generations.add(currentGeneration);
	if (generations.size > 1) {
		const sorted = [...generations].sort((a, b) => a - b);
		const missing: number[] = [];
		for (let g = sorted[0]!; g <= sorted.at(-1)! && missing.length <= 5; g++) if (!generations.has(g)) missing.push(g);
		if (missing.length > 0) {
			const names = missing.slice(0, 5).map(logFileName).join(', ') + (missing.length > 5 ? ', …' : '');
			warnings.push(`the log generations have a gap (${names} missing): JET cannot replay past it, so the changes after it are lost`);
		}
	}

	// A set that begins after generation 1 is what DSMN's full backups leave: said, not left unexplained.
	const first = numbered[0] ?? (current && currentGeneration !== undefined ? {entry: current, generation: currentGeneration} : undefined);
	if (first && first.generation > 1) {
		first.entry.findings.push(
			NOTE(
				`the logs start at generation ${first.generation}: normal after a full backup of DSMN's database, which processes and deletes the older logs (KB Q154762)`,
			),
		);
	}

	if (currentGeneration !== undefined) {
		for (const {entry, generation} of numbered) {
			if (generation >= currentGeneration) {
				entry.findings.push(WARN(`is generation ${generation}, not older than JET.LOG (generation ${currentGeneration}): the logs come from different runs`));
			}
		}
	}
	if (databaseSignature) {
		for (const entry of logs) {
			if (entry.log?.kind === 'jet500' && entry.log.signLog !== databaseSignature) {
				entry.findings.push(
					ERR(
						"belongs to another database (its log signature differs from MSSYNC.MDB's): JET refuses it (error -530, JET_errBadLogSignature; KB Q188357); use the logs saved with this database",
					),
				);
			}
		}
	}
	return warnings;
}
