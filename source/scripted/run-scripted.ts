import type {Io} from '../cli/main.js';
import type {WizardOptions} from '../cli/parse-args.js';

/** Scripted runs (DESIGN.md §3) come with the restore flow; until then they are refused plainly. */
export async function runScripted(_options: WizardOptions, io: Io): Promise<number> {
	io.err('dsmn-resync: scripted runs are not available in this version yet; run the wizard in a terminal\n');
	return 1;
}
