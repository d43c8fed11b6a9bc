import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import type {ServerProgress} from '../../../source/wizard/state.js';
import {SyncView} from '../../../source/ui/widgets/SyncView.js';
import {ASCII_GLYPHS} from '../../../source/text/glyphs.js';
import {GlyphsContext} from '../../../source/ui/theme.js';

const rows = (n: number): ServerProgress[] =>
	Array.from({length: n}, (_, i) => ({
		name: `FS${i + 1}`,
		total: 2000,
		done: i % 4 === 0 ? 2000 : i % 4 === 1 ? 700 : 0,
		state: i % 4 === 0 ? 'done' : i % 4 === 1 ? 'synchronizing' : i === 2 ? 'failed' : 'waiting',
		...(i === 2 ? {reason: 'FS3 did not answer: the NetWare server is down or unreachable'} : {}),
	}));

describe('SyncView', () => {
	it('shows the overall bar, elapsed time, a row per server with its state', () => {
		const {lastFrame} = render(<SyncView servers={rows(4)} startedAt={0} now={10_000} rows={10} columns={80} />);
		const frame = lastFrame()!;
		// Each account sent to each server is one update: 2700 of 8000 is not a count of accounts (issue 29).
		// FS3 failed before it sent any: the total stays as planned, and its 2000 updates are said not sent (issue 29).
		expect(frame).toMatch(/ 33% 2700\/8000 account updates · 2000 not sent$/m);
		expect(frame).toMatch(/0:10 elapsed · 270 updates\/s, 0:12 left · 1 done, 1 failed/);
		expect(frame).toMatch(/✓ FS1 .* 2000\/2000 done/);
		expect(frame).toMatch(/▸ FS2 .* {2}700\/2000$/m);
		expect(frame).toMatch(/✗ FS3\s+FS3 did not answer/);
	});

	// Issue 29 (fixl2): the failed servers stayed in the total, so the bar ended "39% 234/600 … 0:23 left" and the
	// time left never ran out. Then (the second walker) dropping them made the total jump without a word: the
	// total stays, what was not sent is said, and no time is left once only failed servers remain.
	it('keeps its total when servers failed, says what was not sent, and no time left once only failed ones remain', () => {
		const servers: ServerProgress[] = [
			{name: 'FS1', total: 120, done: 120, state: 'done'},
			{name: 'FS2', total: 114, done: 114, state: 'done'},
			{name: 'FS3', total: 120, done: 0, state: 'failed', reason: 'FS3 did not answer'},
			{name: 'FS4', total: 120, done: 0, state: 'failed', reason: 'FS4 did not answer'},
			{name: 'FS5', total: 120, done: 0, state: 'failed', reason: 'FS5 did not answer'},
		];
		const frame = render(<SyncView servers={servers} startedAt={0} now={10_000} rows={10} columns={80} />).lastFrame()!;
		expect(frame).toMatch(/ 39% 234\/594 account updates · 360 not sent$/m);
		expect(frame).toMatch(/0:10 elapsed · 23 updates\/s · 2 done, 3 failed/);
		expect(frame).not.toMatch(/left|estimating/);
		// A failed server that had sent some: those count, the rest do not.
		const partly = servers.map(s => (s.name === 'FS3' ? {...s, done: 40} : s));
		expect(render(<SyncView servers={partly} startedAt={0} now={10_000} rows={10} columns={80} />).lastFrame()).toMatch(
			/ 46% 274\/594 account updates · 320 not sent$/m,
		);
	});

	it('with more servers than fit, shows the active and failed ones first and counts the rest', () => {
		const {lastFrame} = render(<SyncView servers={rows(32)} startedAt={0} now={5000} rows={8} columns={60} />);
		const lines = lastFrame()!.split('\n');
		expect(lines).toHaveLength(2 + 8);
		expect(lines.slice(2, 9).every(l => /▸|✗/.test(l))).toBe(true);
		expect(lines.at(-1)).toMatch(/^… and 25 more \(1 synchronizing, 1 failed, 15 waiting/);
		expect(lines.every(l => l.length <= 60)).toBe(true);
	});

	// Issue 29: at 80×24 with --ascii the failed servers' reasons were cut at the row's end.
	it("never cuts a failed server's reason: it wraps, and the rows it takes are taken from the servers shown", () => {
		const reason = 'FS3 did not answer: the NetWare server is down or unreachable, or its SYNCAGNT is busy';
		const servers = rows(12).map(s => (s.state === 'failed' ? {...s, reason} : s));
		const {lastFrame} = render(
			<GlyphsContext.Provider value={ASCII_GLYPHS}>
				<SyncView servers={servers} startedAt={0} now={5000} rows={6} columns={80} />
			</GlyphsContext.Provider>,
		);
		const frame = lastFrame()!;
		expect(frame.replace(/\s+/g, ' ')).toContain(reason);
		const lines = frame.split('\n');
		expect(lines.length).toBeLessThanOrEqual(2 + 6);
		expect(lines.at(-1)).toMatch(/^\.\.\. and \d+ more/);
	});
});
