/** Synchronize or Fully synchronize after a restore: the recommendation, how it is judged, and Event 8005. */
import {describe, expect, it} from 'vitest';
import {citationProblems} from '../../source/procedure/claims.js';
import {
	CHANGE_LOG_TRUSTED_MS,
	doubtLines,
	event8005Check,
	recommendSynchronize,
	SYNCHRONIZE_CHOICES,
	synchronizeExplanation,
} from '../../source/procedure/synchronize-choice.js';

const now = new Date('2026-12-06T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('recommending Synchronize or Fully synchronize', () => {
	it('a backup older than the change log is trusted for: full, saying its age and how that is judged', () => {
		const advice = recommendSynchronize(ago(30 * 24 * 3_600_000), now);
		expect(advice.recommended).toBe('full');
		expect(advice.because).toBe("The backup is 30 days old. The tool trusts the domain's change log to reach back only 24 hours.");
		// How that is judged, for the step's `?` (the choice's screen keeps the short reason: issue 29).
		expect(advice.how).toMatch(/^The tool cannot see how far back the domain's change log reaches: it holds a fixed number of account changes, not days/);
	});

	it("a backup of this morning: normal, with Event 8005 as the reason to change one's mind", () => {
		const advice = recommendSynchronize(ago(3 * 3_600_000), now);
		expect(advice.recommended).toBe('normal');
		expect(advice.because).toMatch(/^The backup is 3 hours old: .* If Event 8005 appears after MSSYNC starts, fully synchronize after all\./);
	});

	it('the boundary is the trusted span, and an unknown age is full', () => {
		expect(recommendSynchronize(ago(CHANGE_LOG_TRUSTED_MS), now).recommended).toBe('normal');
		expect(recommendSynchronize(ago(CHANGE_LOG_TRUSTED_MS + 1), now).recommended).toBe('full');
		expect(recommendSynchronize(undefined, now)).toMatchObject({recommended: 'full', because: expect.stringMatching(/^The backup's age is unknown\./)});
	});

	it('the explanation names Event 8005 (Q189441), both menu items (Q148678) and the recommendation; its citations hold', () => {
		const text = synchronizeExplanation(recommendSynchronize(ago(30 * 24 * 3_600_000), now));
		expect(text[0]).toMatch(/MSSYNC logs Event 8005 .* every server shows a blue check \(KB Q189441\)/);
		expect(text[1]).toBe("Synchronization Manager's NetWare Server menu has both: Synchronize all servers and Fully synchronize all servers (KB Q148678).");
		expect(text[2]).toMatch(/^Recommended: Fully synchronize all servers\. The backup is 30 days old\./);
		expect(citationProblems([...text, ...event8005Check(), ...event8005Check('full')].join('\n'))).toEqual([]);
	});

	it('each choice says what it costs', () => {
		expect(SYNCHRONIZE_CHOICES.normal.consequence).toMatch(/silently skipped/);
		expect(SYNCHRONIZE_CHOICES.full.consequence).toMatch(/takes longer/);
		expect(event8005Check()[0]).toMatch(/Event Viewer on the PDC, Log ▸ Application, and look for Event 8005 from MSSYNC/);
	});
});

describe("the restore's synchronize step (its ?)", () => {
	it('explains the change log, Event 8005 and the full synchronize', async () => {
		const {RESTORE_STEPS} = await import('../../source/procedure/restore-steps.js');
		const why = RESTORE_STEPS.find(s => s.id === 'synchronize')!.why;
		expect(why).toMatch(/MSSYNC logs Event 8005 in the Application log and those changes are skipped while every server shows a blue check \(KB Q189441\)/);
		expect(why).toMatch(/"Fully synchronize all servers" \(--synchronize full\) sends every account again: recommended for a backup more than a day old/);
	});
});

// Issue 29: "re-create a group missing there as KB Q189441 describes (KB Q189441)." said its article twice.
describe('the Event 8005 end cites its article once a sentence', () => {
	it('names KB Q189441 once in each line', () => {
		for (const line of doubtLines({because: 'event-8005', at: '2026-12-07T10:00:00.000Z'})) expect(line.match(/Q189441/g)?.length ?? 0).toBeLessThanOrEqual(1);
	});
});
