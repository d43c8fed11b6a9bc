import {describe, expect, it} from 'vitest';
import {wrapCommand, wrapItems, wrapText} from '../../source/text/wrap.js';

describe('wrapText', () => {
	it('breaks at spaces and starts no row with the space it broke at', () => {
		expect(wrapText('every change to accounts since then', 16)).toBe('every change to\naccounts since\nthen');
	});

	it('breaks a path too long for a row after a separator, not mid-word', () => {
		const path = '/tmp/dsmn-resync-lab-DfX5ff/lab/SystemRoot/SYSTEM32/SYNCAGNT';
		const rows = wrapText(`into ${path} now`, 40).split('\n');
		expect(rows).toEqual(['into /tmp/dsmn-resync-lab-DfX5ff/lab/', 'SystemRoot/SYSTEM32/SYNCAGNT now']);
	});

	it('cuts mid-word only when no separator fits, and keeps a line that fits as it is', () => {
		expect(wrapText('ABCDEFGHIJ', 4)).toBe('ABCD\nEFGH\nIJ');
		expect(wrapText('  indented   columns  ', 40)).toBe('  indented   columns  ');
	});

	it('keeps the indent of the first row and wraps each line of its own', () => {
		expect(wrapText('  one two three\nfour', 9)).toBe('  one two\nthree\nfour');
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
