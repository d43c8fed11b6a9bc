import {describe, expect, it} from 'vitest';
import {toAscii, toAsciiCells} from '../../source/text/ascii.js';
import {ASCII_GLYPHS, UNICODE_GLYPHS} from '../../source/text/glyphs.js';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {join} from 'node:path';

const NOT_ASCII = /[\u0080-\uFFFF]/;

describe('ASCII for terminals that are not UTF-8', () => {
	it('marks a running step otherwise than the list pointer', () => {
		expect(ASCII_GLYPHS.arrow).not.toBe(ASCII_GLYPHS.pointer);
		expect(toAscii(`${UNICODE_GLYPHS.arrow} Stop MSSYNC`)).toBe(`${ASCII_GLYPHS.arrow} Stop MSSYNC`);
		expect(toAscii(UNICODE_GLYPHS.pointer)).toBe(ASCII_GLYPHS.pointer);
	});

	it('writes a menu path with ">" (Control Panel > Services), never "~"', () => {
		const advice = 'stop it from Control Panel ▸ Network ▸ Services, then run again';
		expect(toAscii(advice)).toBe('stop it from Control Panel > Network > Services, then run again');
		expect(toAsciiCells(advice)).toBe('stop it from Control Panel > Network > Services, then run again');
	});

	it('gives every glyph of the program an ASCII form, and keeps columns for text already laid out', () => {
		for (const value of Object.values(UNICODE_GLYPHS)) if (typeof value === 'string') expect(toAscii(value)).not.toMatch(NOT_ASCII);
		for (const value of Object.values(ASCII_GLYPHS)) if (typeof value === 'string') expect(value).not.toMatch(NOT_ASCII);
		expect(toAscii('Starting… — a · b ↑↓')).toBe('Starting... -- a - b Up/Down');
		// Issue 29: "←→ Home End move" under the passwords file's field read "<--> Home End move".
		expect(toAscii('SYNCAGNT · ←→ Home End move')).toBe('SYNCAGNT - Left/Right Home End move');
		expect(toAscii('an arrow → here')).toBe('an arrow -> here');
		const frame = '╭──────╮\n│ a…b  │\n╰──────╯';
		expect(toAsciiCells(frame)).toBe('+------+\n| a.b  |\n+------+');
		expect(
			toAsciiCells(frame)
				.split('\n')
				.map(l => l.length),
		).toEqual(frame.split('\n').map(l => [...l].length));
	});

	it('every command takes --ascii, and LANG=C gives the same: no byte outside ASCII, [ok] FS1 with its space', async () => {
		const dir = join(await tempDir(), 'lab');
		expect((await runCli(['lab', 'create', dir, '--pace', '0', '--ascii'])).stdout).not.toMatch(NOT_ASCII);
		for (const args of [
			['--help', '--ascii'],
			['check', join(dir, 'backup'), '--ascii'],
			['lab', 'status', dir, '--ascii'],
			['lab', 'sync', dir, '--ascii'],
		]) {
			const result = await runCli(args);
			expect(result.exitCode, args.join(' ')).toBeLessThan(2);
			expect(result.stdout + result.stderr).not.toMatch(NOT_ASCII);
		}
		const status = await runCli(['lab', 'status', dir], {env: {LANG: 'C', LC_ALL: '', LC_CTYPE: ''}});
		expect(status.stdout).not.toMatch(NOT_ASCII);
		expect(status.stdout).toMatch(/^\[ok\] FS1 /m);
		expect(status.stdout).toMatch(/^\[X\] {2}FS2 /m);
		// The columns line up under their headings.
		const lines = status.stdout.split('\n');
		const heading = lines.find(l => l.includes('SERVER'))!;
		for (const row of lines.filter(l => /^\[(ok|X)\]/.test(l))) expect(row.indexOf('FS')).toBe(heading.indexOf('SERVER'));
		const help = await runCli(['--help'], {env: {LANG: 'C', LC_ALL: '', LC_CTYPE: ''}});
		expect(help.stdout).not.toMatch(NOT_ASCII);
	});
});

// Issue 29: with --ascii a menu path wrapped after its ▸ read "Log ~" | "Application", where the end screen said "NetWare Server > Fully synchronize".
describe("a menu path's separator in ASCII", () => {
	it('is ">" everywhere, at a row\'s end too; the running mark stays "~"', () => {
		const rows = 'open Event Viewer on the PDC, Log ▸\nApplication, and look for Event 8005';
		expect(toAscii(rows)).toBe('open Event Viewer on the PDC, Log >\nApplication, and look for Event 8005');
		expect(toAsciiCells(rows)).toBe('open Event Viewer on the PDC, Log >\nApplication, and look for Event 8005');
		expect(toAscii('NetWare Server ▸ Fully synchronize')).toBe('NetWare Server > Fully synchronize');
		expect(toAscii('  ▸ Copy the backup into SYNCAGNT')).toBe('  ~ Copy the backup into SYNCAGNT');
		expect(toAsciiCells('▸ Start MSSYNC')).toBe('~ Start MSSYNC');
		expect(ASCII_GLYPHS.pointer).not.toBe(ASCII_GLYPHS.arrow);
	});
});
