import {describe, expect, it} from 'vitest';
import {CONTINUED, wrapCommand, wrapItems, wrapText} from '../../source/text/wrap.js';

describe('wrapText', () => {
	it('breaks at spaces and starts no row with the space it broke at', () => {
		expect(wrapText('every change to accounts since then', 16)).toBe('every change to\naccounts since\nthen');
	});

	// Issue 29: at 60×20 a path was split at a slash with nothing to say its rest was on the next row ("…/SYSTEM32/" ⏎ "SYNCAGNT.before-restore-…").
	it('breaks a path too long for any row after a separator and marks the row it goes on to; one that fits a row goes whole to the next', () => {
		const path = '/tmp/dsmn-resync-lab-DfX5ff/lab/SystemRoot/SYSTEM32/SYNCAGNT';
		const rows = wrapText(`into ${path} now`, 40).split('\n');
		expect(rows).toEqual(['into /tmp/dsmn-resync-lab-DfX5ff/lab/', `${CONTINUED}SystemRoot/SYSTEM32/SYNCAGNT now`]);
		// The pieces, the mark taken off, are the path.
		expect(rows.join('\n').replace(`\n${CONTINUED}`, '').replace(' now', '')).toBe(`into ${path}`);
		// Less than a third of the row left: the path starts a row of its own.
		expect(wrapText(`The files that were replaced are kept in ${path}`, 40).split('\n')).toEqual([
			'The files that were replaced are kept in',
			'/tmp/dsmn-resync-lab-DfX5ff/lab/',
			`${CONTINUED}SystemRoot/SYSTEM32/SYNCAGNT`,
		]);
		expect(wrapText('kept in /tmp/s6l/lab/SYSTEM32/SYNCAGNT.before', 40)).toBe('kept in\n/tmp/s6l/lab/SYSTEM32/SYNCAGNT.before');
	});

	it('cuts mid-word only when no separator fits, marked, and keeps a line that fits as it is', () => {
		expect(wrapText('ABCDEFGHIJ', 5)).toBe(`ABCDE\n${CONTINUED}FGH\n${CONTINUED}IJ`);
		expect(wrapText('  indented   columns  ', 40)).toBe('  indented   columns  ');
	});

	// Issue 29 (item 16): at 60 columns "Found nearby" and the servers' reasons wrapped back to the first column.
	it("starts every row a line wraps onto under its text: after the line's indent, its mark and its first column", () => {
		expect(wrapText('  one two three\nfour', 9)).toBe('  one two\n  three\nfour');
		expect(wrapText('⚠ the backup is 6 days old: every change to accounts', 30)).toBe('⚠ the backup is 6 days old:\n  every change to accounts');
		expect(wrapText('✗ FS2      its record in MSSYNC.MDB is damaged', 40)).toBe('✗ FS2      its record in MSSYNC.MDB is\n           damaged');
		expect(wrapText('[!] the backup is old, every change lost', 24)).toBe('[!] the backup is old,\n    every change lost');
		expect(wrapText('12. Synchronize all servers again', 20)).toBe('12. Synchronize all\n    servers again');
		// Not where the text would go on in less than half the row.
		expect(wrapText('                 one two three', 30)).toBe('                 one two three');
		expect(wrapText('                 one two three four', 24)).toBe('                 one two\nthree four');
	});

	// Issue 29: "(KB" ⏎ "Q189441)", "(Jet error" ⏎ "-1018)", and a command split after its program.
	it('keeps a number with the word before it, a short aside in parentheses whole, and a program with its first argument', () => {
		expect(wrapText('never reach the servers (KB Q189441).', 30)).toBe('never reach the servers\n(KB Q189441).');
		expect(wrapText('its record is damaged (Jet error -1018)', 30)).toBe('its record is damaged\n(Jet error -1018)');
		expect(wrapText('look for Event 8005 from MSSYNC', 17)).toBe('look for\nEvent 8005 from\nMSSYNC');
		// A command with options wider than the row goes on with the shell's continuation (below).
		expect(wrapText('To come back: node dist/cli.js --lab /x', 20)).toBe('To come back:\nnode dist/cli.js \\\n  --lab /x');
		// NT's service command is one unit: its verb and its service (issue 29: "sc query" ⏎ "MSSYNC").
		expect(wrapText('then sc query MSSYNC until', 16)).toBe('then\nsc query MSSYNC\nuntil');
		expect(wrapText('then sc query MSSYNC until', 13)).toBe('then\nsc query \\\n  MSSYNC\nuntil');
		// Not across a comma: "19:39, 7 files" may break after the comma.
		expect(wrapText('made 19:39, 7 files', 12)).toBe('made 19:39,\n7 files');
		// A unit wider than the row breaks at its spaces.
		expect(wrapText('KB Q189441', 5)).toBe(`KB\nQ1894\n${CONTINUED}41`);
	});

	// Issue 29 (fixl2): "FS2, FS4, FS5 still show a red" ⏎ "X": DSMN's mark is one unit, as "KB Q189441" is.
	it('keeps "red X" whole on a row', () => {
		const line = '2 of 5 servers synchronized; FS2, FS4, FS5 still show a red X.';
		expect(wrapText(line, 59)).toBe('2 of 5 servers synchronized; FS2, FS4, FS5 still show a\nred X.');
		expect(wrapText('the servers with a red X (FS2) are chosen', 22)).toBe('the servers with a\nred X (FS2) are chosen');
		// Not an X after another word ("an X"), nor a unit wider than the row.
		expect(wrapText('mark an X here', 12)).toBe('mark an X\nhere');
		expect(wrapText('red X', 4)).toBe('red\nX');
	});

	// Issue 29: "(or start again, node … --lab" ⏎ "/tmp/lab, and choose …)": a command in a sentence broke between
	// an option and its value, so that the row copied was half a command.
	it("keeps a command in running text whole on a row, or continues it with the shell's mark", () => {
		const next =
			'Next: in Synchronization Manager, NetWare Server ▸ Synchronize all servers (or start again, node /work/wt/s7-fit/dist/cli.js --lab /tmp/fitlab/lab, and choose "Only synchronize all servers").';
		expect(wrapText(next, 60).split('\n')).toEqual([
			// A menu path is not cut at its ▸ (issue 29).
			'Next: in Synchronization Manager, NetWare',
			'Server ▸ Synchronize all servers (or start again,',
			'node /work/wt/s7-fit/dist/cli.js --lab /tmp/fitlab/lab, and',
			'choose "Only synchronize all servers").',
		]);
		// Wider than the row: on rows of its own, broken at a space, " \\" where it goes on (the rows pasted are the command).
		const rows = wrapText(next, 40).split('\n');
		const at = rows.findIndex(row => row.startsWith('node '));
		expect(rows[at - 1]).toBe('(or start again,');
		expect(rows[at]).toBe('node /work/wt/s7-fit/dist/cli.js --lab \\');
		expect(rows[at + 1]).toBe('  /tmp/fitlab/lab,');
		expect(rows[at + 2]).toMatch(/^and choose/);
		// Options and their values, up to the word that ends the clause; the sentence goes on after it.
		expect(wrapText('with DSMCHK: dsmchk -d CORP -u USERNAME (KB Q154760).', 30)).toBe('with DSMCHK:\ndsmchk -d CORP -u USERNAME\n(KB Q154760).');
		// A subcommand and its folder go with it; npm's "--" passes on what follows.
		expect(wrapText('in the lab, run dsmn-resync lab allow4x /tmp/dsmn-lab-24UbUO/lab (it does both)', 40).split('\n')).toEqual([
			'in the lab, run',
			'dsmn-resync lab allow4x \\',
			'  /tmp/dsmn-lab-24UbUO/lab',
			'(it does both)',
		]);
		expect(wrapText('check the folder (npm start -- check /tmp/dsmn-resync-lab-24UbUO/lab/backup says what)', 40).split('\n')).toEqual([
			'check the folder',
			'(npm start -- check \\',
			'  /tmp/dsmn-resync-lab-24UbUO/lab/backup',
			'says what)',
		]);
		// After node's script, the wizard's command and the words it takes ("lab sync DIR --full" was split after "lab sync",
		// the folder and --full on the next row with no continuation); a flag takes no value, so the aside after it is not taken.
		expect(wrapText('Next: fully synchronize, node /tmp/rv2/dist/cli.js lab sync /tmp/L9 --full (in Synchronization Manager: …).', 60).split('\n')).toEqual([
			'Next: fully synchronize,',
			'node /tmp/rv2/dist/cli.js lab sync /tmp/L9 --full (in',
			'Synchronization Manager: …).',
		]);
		const lab = '/tmp/dsmn-resync-lab-abc/lab';
		for (const [command, after] of [
			[`lab status ${lab}`, ' to see it'],
			[`lab fault ${lab} clear`, ', then go on'],
			[`lab net ${lab} stop MSSYNC`, ', or run the wizard'],
			[`lab offline ${lab} FS2`, ' and see'],
		] as const) {
			const line = `then run node /tmp/rv2/dist/cli.js ${command}${after}`;
			// Whole where it fits a row; else continued, the rows pasted together the command.
			expect(wrapText(line, 120)).toBe(line);
			const rows = wrapText(line, 60).split('\n');
			expect(rows[0]).toBe('then run');
			expect(rows[1]).toMatch(/ \\$/);
			expect(
				rows
					.slice(1)
					.join('\n')
					.replace(/ \\\n {2}/g, ' '),
			).toMatch(new RegExp(`^node /tmp/rv2/dist/cli\\.js ${command}${after.startsWith(',') ? ',' : ''}`));
		}
		// "net stop MSSYNC" and "sc query MSSYNC" in a sentence are units: the program, its verb and its service.
		expect(wrapText('Runs net stop MSSYNC, then sc query MSSYNC until it reports', 35)).toBe('Runs net stop MSSYNC, then\nsc query MSSYNC until it reports');
		// Samba's: "net rpc service stop MSSYNC -S NTPDC" (a real target's Stop MSSYNC) is one unit, its options included.
		expect(wrapText('Runs net rpc service stop MSSYNC -S NTPDC1 on the PDC, then checks', 40).split('\n')).toEqual([
			'Runs',
			'net rpc service stop MSSYNC -S NTPDC1 on',
			'the PDC, then checks',
		]);
		// Issue 29 (the second walker): the repair's `?` broke "cd /d" ⏎ "%SystemRoot%\\System32\\Syncagnt" at 60 columns.
		expect(wrapText('At the PDC, open a command prompt and type: cd /d %SystemRoot%\\System32\\Syncagnt  then  net stop MSSYNC', 56).split('\n')).toEqual([
			'At the PDC, open a command prompt and type:',
			'cd /d %SystemRoot%\\System32\\Syncagnt  then',
			'net stop MSSYNC',
		]);
		// Every row fits.
		for (const width of [20, 30, 40, 50, 60]) for (const row of wrapText(next, width).split('\n')) expect(row.length).toBeLessThanOrEqual(width);
	});

	// Issue 29 (the second walker): at 60×20 the stop-hangs failure printed "  /tmp/…/lab clear: the lab's Control" — the
	// command's last row, continued with " \\", ran on into prose, so that the row copied was not the command's.
	it('puts the prose after a command laid on rows of its own on a new row, at 60 columns and at the narrowest width', () => {
		const dir = '/tmp/dsmn-resync-lab-wdQx7Z/lab';
		const command = `node /work/wt/s8-words/dist/cli.js lab fault ${dir} clear`;
		const line = `What to do: wait a minute and retry; if it stays STOP_PENDING, clear the practice lab's stop-hangs fault (${command}: the lab's Control Panel ▸ Services), then retry or roll back`;
		expect(wrapText(line, 60).split('\n')).toEqual([
			'What to do: wait a minute and retry; if it stays',
			"STOP_PENDING, clear the practice lab's stop-hangs fault",
			'(node /work/wt/s8-words/dist/cli.js lab fault \\',
			`  ${dir} clear:`,
			"the lab's Control Panel ▸ Services), then retry or roll back",
		]);
		for (const width of [60, 50, 44]) {
			const rows = wrapText(line, width).split('\n');
			const first = rows.findIndex(row => row.startsWith('(node '));
			const last = rows.findIndex(row => row.endsWith(' clear:'));
			// The command's rows: each but the last continued, only between its words; nothing but the command on them.
			expect(first).toBeGreaterThan(0);
			expect(last).toBeGreaterThan(first);
			for (const row of rows.slice(first, last)) expect(row).toMatch(/ \\$/);
			expect(
				rows
					.slice(first, last + 1)
					.join('\n')
					.replace(/ \\\n {2}/g, ' '),
			).toBe(`(${command}:`);
			expect(rows[last + 1]).toMatch(/^the lab's/);
			for (const row of rows) expect(row.length).toBeLessThanOrEqual(width);
		}
		// The same in a short sentence: "(npm start -- --lab \\" ⏎ "  /tmp/a-lab)" ⏎ "and choose it".
		expect(wrapText('start again (npm start -- --lab /tmp/a-lab) and choose it', 30)).toBe('start again\n(npm start -- --lab \\\n  /tmp/a-lab)\nand choose it');
	});

	it('carries a style over to the next row, and never counts an escape as a column', () => {
		const dim = '\u001B[2m';
		const undim = '\u001B[22m';
		const rows = wrapText(`${dim}aaaa bbbb${undim} cc`, 6).split('\n');
		// eslint-disable-next-line no-control-regex -- the escapes taken out to read the text
		expect(rows.map(row => row.replace(/\u001B\[[0-9;]*m/g, ''))).toEqual(['aaaa', 'bbbb', 'cc']);
		expect(rows[1]!.startsWith(dim)).toBe(true);
	});

	it('counts a wide character as two columns', () => {
		expect(wrapText('日本 日本', 4)).toBe('日本\n日本');
	});
});

describe('wrapItems', () => {
	const items = ['Enter when done', 'Tab completes', 'Esc back', '? why', 'Ctrl+C quit'];

	it('wraps between items, never inside one, and drops the separator at the break', () => {
		const lines = wrapItems(items, 60, ' · ').split('\n');
		expect(lines).toEqual(['Enter when done · Tab completes · Esc back · ? why', 'Ctrl+C quit']);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
	});

	it('keeps the items on one line where they fit, and wraps an item wider than the line on its own', () => {
		expect(wrapItems(items, 200, ' · ')).toBe(items.join(' · '));
		expect(wrapItems(['q leaves at the next safe point', '? why'], 20, ' - ')).toBe('q leaves at the next\nsafe point\n? why');
	});
});

describe('wrapCommand', () => {
	const command = 'npm start -- lab dsmchk /tmp/dsmn-resync-lab-24UbUO/lab -d CORP -u USERNAME';
	it('keeps a command that fits on one row, indented', () => {
		expect(wrapCommand('net stop MSSYNC', 60, '^', '  ')).toBe('  net stop MSSYNC');
	});

	// Issue 29: at 60 columns the lab's dsmchk command wrapped between words, so that a copied row was half a command.
	it("breaks a longer one at spaces, each row but the last ending in the shell's continuation, every row within the width", () => {
		const rows = wrapCommand(command, 60, '\\', '  ').split('\n');
		expect(rows).toEqual(['  npm start -- lab dsmchk /tmp/dsmn-resync-lab-24UbUO/lab \\', '    -d CORP -u USERNAME']);
		expect(rows.every(row => row.length <= 60)).toBe(true);
		// Pasted into the shell, the rows are the one command.
		expect(
			rows
				.join('\n')
				.replace(/ \\\n\s*/g, ' ')
				.trim(),
		).toBe(command);
		expect(wrapCommand('dsmchk -d CORPORATE-DOMAIN -u USERNAME -n NETWARE-SERVER-ONE', 30, '^')).toBe(
			'dsmchk -d CORPORATE-DOMAIN ^\n  -u USERNAME -n ^\n  NETWARE-SERVER-ONE',
		);
	});
});

// Issue 29: with --ascii, "7 files, 6.0" | "MiB" parted a number from its unit.
describe('a number and its unit', () => {
	it('never part, for every unit the tool prints', () => {
		const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'bytes', 's', 'ms', 'min', 'seconds', 'minutes', 'hours', 'days', 'files', 'file'];
		for (const unit of units)
			for (const number of ['6.0', '7', '912', '1'])
				// From the width of the widest number with its unit ("912 minutes),"), up.
				for (let columns = 14; columns <= 40; columns++) {
					const text = `Copied 7 files, ${number} ${unit}, in up to 90 s (about ${number} ${unit}).`;
					const rows = wrapText(text, columns).split('\n');
					for (const [k, row] of rows.slice(0, -1).entries())
						expect(`${row}|${rows[k + 1]}`, `${unit} at ${columns}`).not.toMatch(new RegExp(`\\d\\|\\(?${unit}\\b`));
				}
	});

	it('"7 files, 6.0 MiB" at 12 columns: the size goes whole to the next row', () => {
		expect(wrapText('7 files, 6.0 MiB', 12)).toBe('7 files,\n6.0 MiB');
	});
});

// Issue 29: at 60×20 the synchronize choice's "Event Viewer on the PDC, Log ▸ …" was cut inside the menu path.
describe('a menu path', () => {
	it('is never parted at its ▸', () => {
		const text = 'After MSSYNC starts: open Event Viewer on the PDC, Log ▸ Application, and look for Event 8005 from MSSYNC.';
		for (let columns = 20; columns <= 80; columns++) {
			const rows = wrapText(text, columns).split('\n');
			expect(
				rows.some(row => / ▸$/.test(row) || /^▸/.test(row)),
				rows.join('|'),
			).toBe(false);
			expect(rows.join(' ')).toBe(text);
		}
	});
});
