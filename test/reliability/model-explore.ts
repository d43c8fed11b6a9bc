/**
 * How the model test walks one first state's sequences (model-harness.ts on the lab, model-samba.ts on real
 * Samba): breadth first, so that a budget of time covers every single action before any pair, every pair
 * before any triple. The world is saved after each action that reaches a new state and put back before each
 * action run from it; an action that reaches a state already reached (at this depth or less) is not explored
 * further. The sequences counted as covered are those whose every action was actually run from that state or
 * from an identical one (`covered`), never those a budget cut off.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Report} from './model-harness.js';

export type Walk<A extends string> = {
	actions: readonly A[];
	depth: number;
	/** Date.now() after which no action is started. */
	until: number;
	name: (path: readonly A[]) => string;
	/** Runs the first run, or one action, on the world as it is; its violations, with what it printed added to `transcript`. */
	step: (action: A | 'first', transcript: string[]) => Promise<string[]>;
	/** The world's state, for recognising a state already reached. */
	print: () => Promise<string>;
	save: (dir: string) => Promise<void>;
	restore: (dir: string) => Promise<void>;
	onReport: (r: Report) => void;
	onAction: (name: string) => void;
};

export type Exploration = {
	/** Sequences (of 0 to depth actions after the first run) covered: run, or reaching a state whose continuations were run. */
	sequences: number;
	/** Actions run (the first run included). */
	executed: number;
	/** Actions that reached a state already reached. */
	pruned: number;
	/** The deepest level run whole (every action from every new state of the level above). */
	levelsDone: number;
	reports: Report[];
};

/** Sequences of 1..r actions from `state`, each action one that was run from that state (or an identical one). */
export function coveredFrom(edges: Map<string, Map<string, string>>, state: string, r: number, memo = new Map<string, number>()): number {
	if (r === 0) return 0;
	const key = `${r}\0${state}`;
	const known = memo.get(key);
	if (known !== undefined) return known;
	let n = 0;
	for (const next of edges.get(state)?.values() ?? []) n += 1 + coveredFrom(edges, next, r - 1, memo);
	memo.set(key, n);
	return n;
}

export async function walkBreadthFirst<A extends string>(walk: Walk<A>): Promise<Exploration> {
	const saves = await mkdtemp(join(tmpdir(), 'dsmn-model-saves-'));
	/** state print → action → state print reached: every action run. */
	const edges = new Map<string, Map<string, string>>();
	/** The states reached, with the fewest actions that reached them. */
	const seen = new Map<string, number>();
	const reports: Report[] = [];
	let executed = 0;
	let pruned = 0;
	let levelsDone = 0;
	const report = (path: readonly A[], action: string, found: string[], transcript: string[]) => {
		if (found.length === 0) return;
		const r = {name: walk.name(path), violations: found.map(v => `after ${action}: ${v}`), transcript};
		reports.push(r);
		walk.onReport(r);
	};
	let root: string | undefined;
	try {
		const transcript: string[] = [];
		const found = await walk.step('first', transcript);
		executed++;
		report([], 'the first run', found, transcript);
		root = await walk.print();
		seen.set(root, 0);
		let frontier = [{path: [] as A[], state: root, transcript, dir: join(saves, 'n0')}];
		await walk.save(frontier[0]!.dir);
		for (let level = 1; level <= walk.depth && frontier.length > 0; level++) {
			const next: typeof frontier = [];
			let whole = true;
			for (const node of frontier) {
				for (const action of walk.actions) {
					if (Date.now() > walk.until) {
						whole = false;
						break;
					}
					await walk.restore(node.dir);
					const path = [...node.path, action];
					const lines = [...node.transcript];
					const found = await walk.step(action, lines);
					executed++;
					walk.onAction(walk.name(path));
					report(path, action, found, lines);
					const state = await walk.print();
					if (!edges.has(node.state)) edges.set(node.state, new Map());
					edges.get(node.state)!.set(action, state);
					if (seen.has(state)) {
						pruned++;
						continue;
					}
					seen.set(state, level);
					if (level < walk.depth) {
						const dir = join(saves, `n${executed}`);
						await walk.save(dir);
						next.push({path, state, transcript: lines, dir});
					}
				}
				await rm(node.dir, {recursive: true, force: true});
				if (!whole) break;
			}
			if (!whole) break;
			levelsDone = level;
			frontier = next;
		}
	} finally {
		await rm(saves, {recursive: true, force: true});
	}
	const sequences = root === undefined ? 0 : 1 + coveredFrom(edges, root, walk.depth);
	return {sequences, executed, pruned, levelsDone, reports};
}
