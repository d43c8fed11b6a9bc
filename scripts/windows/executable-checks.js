// npm run test:windows, the single executable: dsmn-resync-win-x64.exe (scripts/package.js, node.exe with
// the program injected) run under Wine alone — no node.exe beside it, no dist/ — as an administrator on a
// Windows jump host would: --version, check, and a scripted restore of a lab, whose stand-in net and sc
// are the executable itself.
import {cp} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {packageExecutables} from '../package.js';
import {toWindows as W} from './wine.js';

/**
 * `t` holds test-windows.js's helpers: check, assert, exits, says, linuxCli, journals, journalEntries, endedAs, onlyEntry,
 * restoredCorrectly, allSynchronized, note.
 */
export async function executableChecks(win, work, t) {
	let exe = '';
	await t.check('npm run package builds dsmn-resync-win-x64.exe from node.exe', async () => {
		const made = await packageExecutables(['windows'], join(work, 'release'), t.note);
		exe = made.windows.path;
		return `${(made.windows.size / 1024 ** 2).toFixed(1)} MiB`;
	});
	if (!exe) return;
	const run = (args, options) => win.run('wine', [W(exe), ...args], options);
	const linuxVersion = t.linuxCli(['--version']).stdout.trim();

	await t.check('dsmn-resync-win-x64.exe --version names the same version and build as dist/cli.js', async () => {
		const shown = await run(['--version']);
		t.exits(shown, 0);
		// The same scripts/build.js build information; the dates may differ by the seconds between the two builds.
		const strip = text => text.replace(/, built [^)]*\)/, ')');
		t.assert(strip(shown.stdout.trim()) === strip(linuxVersion), `it says ${JSON.stringify(shown.stdout.trim())}, dist/cli.js ${JSON.stringify(linuxVersion)}`);
		return `${shown.stdout.trim()}, ${shown.ms} ms`;
	});

	const lab = join(work, 'lab-exe');
	const syncagnt = join(lab, 'SystemRoot', 'SYSTEM32', 'SYNCAGNT');
	await t.check('dsmn-resync-win-x64.exe: lab create, then check of its backup (valid, exit 0) and of the live SYNCAGNT (refused, exit 1)', async () => {
		const created = await run(['lab', 'create', W(lab), '--seed', '11', '--pace', '0']);
		t.exits(created, 0);
		t.says(created, 'the live database in SystemRoot\\SYSTEM32\\SYNCAGNT is damaged');
		const valid = await run(['check', W(join(lab, 'backup'))]);
		t.exits(valid, 0);
		t.says(valid, 'Verdict: VALID');
		const live = await run(['check', W(syncagnt)]);
		t.exits(live, 1);
		t.says(live, 'is the live SYNCAGNT folder, not a backup');
	});

	await t.check('dsmn-resync-win-x64.exe: a scripted restore of the lab (the executable its own net and sc) ends completed, every server green', async () => {
		const before = join(work, 'lab-exe-before');
		await cp(syncagnt, before, {recursive: true});
		const restored = await run(['--lab', W(lab), '--flow', 'restore', '--pdc', 'same', '--synchronize', 'normal', '--backup', W(join(lab, 'backup')), '--yes']);
		t.exits(restored, 0);
		t.says(restored, '$ net stop MSSYNC');
		const journal = t.journals(join(lab, 'journal'))[0];
		const snapshot = t.onlyEntry(dirname(syncagnt), /^SYNCAGNT\.before-restore-/);
		const detail = t.restoredCorrectly({syncagnt, backup: join(lab, 'backup'), snapshot, before, journal, serviceWrites: true});
		t.endedAs(journal, 'completed');
		t.allSynchronized(lab);
		const program = t.journalEntries(journal)[0].program;
		t.assert(program?.version && program.built, `the journal's first line does not name the build: ${JSON.stringify(program)}`);
		return `${detail}, ${(restored.ms / 1000).toFixed(1)} s`;
	});
}
