import {describe, expect, it} from 'vitest';
import {coveredFrom, walkBreadthFirst} from './model-explore.js';

describe('the breadth-first walk of the model (model-explore.ts)', () => {
	it('counts a sequence as covered only where each of its actions was run from that state or an identical one', () => {
		// s0 -a-> s1, s0 -b-> s0 (nothing changes); s1 -a-> s1, s1 -b-> s0.
		const edges = new Map([
			[
				's0',
				new Map([
					['a', 's1'],
					['b', 's0'],
				]),
			],
			[
				's1',
				new Map([
					['a', 's1'],
					['b', 's0'],
				]),
			],
		]);
		expect(coveredFrom(edges, 's0', 1)).toBe(2);
		expect(coveredFrom(edges, 's0', 2)).toBe(2 + 4);
		expect(coveredFrom(edges, 's0', 3)).toBe(2 + 4 + 8);
		// s1's actions were never run (a budget cut it off): nothing below it is counted.
		expect(coveredFrom(new Map([['s0', new Map([['a', 's1']])]]), 's0', 3)).toBe(1);
	});

	it('runs every single action before any pair, stops at its time, and reports what it covered', async () => {
		let world = '';
		const ran: string[] = [];
		const saved = new Map<string, string>();
		const walk = (until: number) =>
			walkBreadthFirst<'x' | 'y'>({
				actions: ['x', 'y'],
				depth: 2,
				until,
				name: path => ['first', ...path].join('>'),
				step: async (action, transcript) => {
					ran.push(action);
					world = action === 'first' ? '' : `${world}${action}`.slice(-1); // the state: the last action
					transcript.push(action);
					return action === 'y' && world === 'y' && ran.length > 5 ? ['a broken rule'] : [];
				},
				print: async () => world,
				save: async dir => void saved.set(dir, world),
				restore: async dir => void (world = saved.get(dir)!),
				onReport: () => {},
				onAction: () => {},
			});
		const all = await walk(Infinity);
		expect(ran).toEqual(['first', 'x', 'y', 'x', 'y', 'x', 'y']);
		expect(all).toMatchObject({executed: 7, pruned: 4, levelsDone: 2, sequences: 1 + 2 + 4});
		expect(all.reports.map(r => r.name)).toEqual(['first>y>y']);
		ran.length = 0;
		const none = await walk(Date.now() - 1);
		expect(ran).toEqual(['first']);
		expect(none).toMatchObject({executed: 1, levelsDone: 0, sequences: 1});
	});
});
