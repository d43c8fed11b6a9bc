import {describe, expect, it} from 'vitest';
import {DumbTerminal, lineEndTracking} from '../../source/ui/terminal-streams.js';

/** A DumbTerminal writing into a list, every frame printed at once (no interval). */
function dumb() {
	const written: string[] = [];
	const stdout = {write: (text: string) => written.push(text), columns: 80, rows: 24} as unknown as NodeJS.WriteStream;
	return {terminal: new DumbTerminal(stdout, 0), written};
}

describe('TERM=dumb', () => {
	it('a step progressing prints its new progress line, not the footer again each time', () => {
		const {terminal, written} = dumb();
		const frame = (seconds: number) => `dsmn-resync\n> Stop MSSYNC...\n${seconds} s so far\nLast command: net stop MSSYNC\nq leaves at the next safe point\n`;
		terminal.stream.write(frame(0));
		terminal.stream.write(frame(1));
		terminal.stream.write(frame(2));
		expect(written).toEqual([frame(0), '1 s so far\n', '2 s so far\n']);
		expect(written.join('').match(/q leaves/g)).toHaveLength(1);
	});

	// Issue 29: under TERM=dumb every progress update printed the failed servers' unchanged reasons again.
	it('the synchronization progressing prints the lines that changed, not the unchanged rows between them', () => {
		const {terminal, written} = dumb();
		const frame = (n: number) =>
			`dsmn-resync\n## ${n}/600 accounts\n~    FS1  ${n}/120\n[X]  FS2  Jet error -1018: its record\n          is damaged\n~    FS3  ${n}/120\nq leaves\n`;
		terminal.stream.write(frame(10));
		terminal.stream.write(frame(20));
		expect(written.at(-1)).toBe('## 20/600 accounts\n~    FS1  20/120\n~    FS3  20/120\n');
		expect(written.join('').match(/is damaged/g)).toHaveLength(1);
	});

	it('a new screen is printed from the first line that differs to its end', () => {
		const {terminal, written} = dumb();
		terminal.stream.write('header\nquestion one\n> Yes\nfooter\n');
		terminal.stream.write('header\nquestion two\n> Yes\n  No\nfooter\n');
		expect(written.at(-1)).toBe('question two\n> Yes\n  No\nfooter\n');
		terminal.stream.write('header\nthe end\n');
		expect(written.at(-1)).toBe('the end\n');
	});

	// Issue 29: a lone "> MSSYNC will not start… with dsmpack is" (the first row of a wrapped item) could not be placed.
	it('Down in a list prints the list again whole, wrapped items and all, the pointer on the item it reached', () => {
		const {terminal, written} = dumb();
		terminal.stream.write('header\nStop MSSYNC?\n> Yes\n  No, a repair with\n  dsmpack first\n  Leave\nfooter\n');
		terminal.stream.write('header\nStop MSSYNC?\n  Yes\n> No, a repair with\n  dsmpack first\n  Leave\nfooter\n');
		expect(written.at(-1)).toBe('  Yes\n> No, a repair with\n  dsmpack first\n  Leave\n');
		terminal.stream.write('header\nStop MSSYNC?\n  Yes\n  No, a repair with\n  dsmpack first\n> Leave\nfooter\n');
		expect(written.at(-1)).toBe('  Yes\n  No, a repair with\n  dsmpack first\n> Leave\n');
		expect(written).toHaveLength(3);
	});

	it('the next question, as tall as the last, is printed whole: not taken for a move of the pointer', () => {
		const {terminal, written} = dumb();
		terminal.stream.write('header\nWhat brings you here?\n> Servers show a red X\n  MSSYNC will not start\nfooter\n');
		terminal.stream.write('header\nIs this the PDC that ran DSMN all along?\n> Yes, this PDC\n  No, a new PDC\nfooter\n');
		expect(written.at(-1)).toBe('Is this the PDC that ran DSMN all along?\n> Yes, this PDC\n  No, a new PDC\n');
	});
});

// Issue 29: under TERM=dumb typing RESTORE echoed only "> R" (the frames after it waited out the interval,
// and the next screen replaced them), and a screen counted lines it left out for rows a dumb terminal does not lack.
describe('TERM=dumb, frames a second apart at most', () => {
	function slow() {
		const written: string[] = [];
		let now = 10_000;
		const stdout = {write: (text: string) => written.push(text), columns: 80, rows: 20} as unknown as NodeJS.WriteStream;
		return {terminal: new DumbTerminal(stdout, 1000, () => now), written, later: (ms: number) => (now += ms)};
	}

	it('a field typed into, then the next screen: the field as typed is printed before the next screen, at once', () => {
		const {terminal, written, later} = slow();
		const field = (typed: string) => `header\nType RESTORE and press Enter\n> ${typed}\nfooter\n`;
		terminal.stream.write(field(''));
		for (let i = 0; i < 'RESTORE'.length; i++) {
			later(100);
			terminal.stream.write(field('RESTORE'.slice(0, i + 1)));
		}
		terminal.stream.write('header\nRuns "net start MSSYNC"\nStart MSSYNC now?\n> Yes\n  No\nfooter\n');
		expect(written.join('')).toContain('> RESTORE\n');
		expect(written.at(-1)).toContain('Runs "net start MSSYNC"');
		terminal.flush();
	});

	it('has no height limit: the rows it gives are more than any screen takes', () => {
		const {terminal} = slow();
		expect(terminal.stream.rows).toBeGreaterThan(1000);
	});
});

describe('the line the last frame ends on', () => {
	// At 60×20 the last frame, taller than the terminal, ended without its newline: the shell's prompt followed its last word.
	it('tells whether what was last written ended its line, escape sequences aside', () => {
		const written: string[] = [];
		const {stream, endsLine} = lineEndTracking({write: (chunk: string) => written.push(chunk) > 0} as unknown as NodeJS.WriteStream);
		expect(endsLine()).toBe(true);
		stream.write('frame\n\u001B[?25h');
		expect(endsLine()).toBe(true);
		stream.write('\u001B[1G↳ NTPDC-20261207-093148.jsonl\u001B[K\u001B[?2026l\u001B[?25h');
		expect(endsLine()).toBe(false);
		stream.write('\u001B[?25h');
		expect(endsLine()).toBe(false);
		expect(written).toHaveLength(3);
	});
});
