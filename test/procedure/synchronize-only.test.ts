import {describe, expect, it} from 'vitest';
import {describeSynchronizeOnly} from '../../source/procedure/synchronize-only.js';

type Target = Parameters<typeof describeSynchronizeOnly>[0];

// Issue 29 (the last walk): "Only synchronize" and "Fully synchronize" were the only synchronize confirmations
// not saying that the tool cannot undo what the servers receive, as the README promises before each such step.
describe('the confirmation of "Only synchronize all servers"', () => {
	it.each([false, true])('says the tool cannot undo it (full: %s)', async full => {
		const {changes, manual} = await describeSynchronizeOnly({sync: {}, servers: {list: async () => []}} as unknown as Target, full);
		expect(manual).toBe(false);
		expect(changes.at(-1)).toBe('The tool cannot undo it: what the servers receive stays on them.');
		expect(changes.join(' ')).toMatch(full ? /Fully synchronize all servers/ : /"Synchronize all servers"/);
	});
});
