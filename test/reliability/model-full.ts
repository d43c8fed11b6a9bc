/**
 * The model test's full run (`npm run model:full`): every first state of the lab (model-harness.ts) and of
 * real Samba (model-samba.ts), each explored breadth first (model-explore.ts) for a fair share of the time
 * left before MODEL_UNTIL, the two targets side by side. A sequence whose failing action timed out (a
 * machine starved of CPU) is run again alone at the end: a violation only if it fails alone too. The counts
 * and every failing case's replay command are written to a report file as the run goes, and at its end.
 */
import {writeFile} from 'node:fs/promises';
import {deadline, explore, FIRST_STATES, parseCase, runCase, type Exploration, type Report} from './model-harness.js';
import {exploreSamba, FAULTS_INJECTED, runSambaCase, SAMBA_FIRST_STATES} from './model-samba.js';

export type FullOptions = {
	workers: number;
	depth: number;
	sambaDepth: number;
	samba: boolean;
	only: RegExp;
	/** Where the counts go (rewritten after each first state). */
	reportFile: string;
	/** At most this many timed-out sequences are run again alone (the others stay violations). */
	reruns: number;
};

type Target = 'lab' | 'samba';
type First = {id: string; target: Target; weight: number; go: (until: number) => Promise<Exploration>};
type Done = {id: string; target: Target; exploration?: Exploration; seconds: number; failed?: string};

export type FullResult = {violations: Report[]; text: string};

/** What a timeout looks like in what a run printed, or in a violation: a limit of time reached, not a rule broken. */
const TIMED_OUT = /did not finish within|did not answer in time|stopped sending|ETIMEDOUT|timed out|within \d+ s\b|did not (stop|start) within/i;

export function timedOut(report: Report): boolean {
	return report.violations.some(v => TIMED_OUT.test(v)) || TIMED_OUT.test(report.transcript.at(-1) ?? '');
}

function replayCommand(name: string): string {
	return `MODEL_CASE='${name}' npx vitest run test/reliability/model.test.ts`;
}

/** Runs `items` on `workers` at a time; each is given its share of the time left, by weight, when it begins. */
async function schedule(items: First[], workers: number, onDone: (d: Done) => Promise<void>): Promise<void> {
	const queue = [...items];
	const worker = async () => {
		for (let item = queue.shift(); item; item = queue.shift()) {
			const left = deadline() - Date.now();
			if (left <= 0) {
				await onDone({id: item.id, target: item.target, seconds: 0});
				continue;
			}
			const weights = item.weight + queue.reduce((n, q) => n + q.weight, 0);
			const share = Number.isFinite(left) ? (left * Math.min(workers, queue.length + 1) * item.weight) / weights : Infinity;
			const began = Date.now();
			try {
				const exploration = await item.go(Math.min(deadline(), began + share));
				await onDone({id: item.id, target: item.target, exploration, seconds: (Date.now() - began) / 1000});
			} catch (error) {
				// The harness itself failed (a server that would not start, a fault it could not stage): a violation, and the others go on.
				await onDone({id: item.id, target: item.target, seconds: (Date.now() - began) / 1000, failed: (error as Error).stack ?? String(error)});
			}
		}
	};
	await Promise.all(Array.from({length: Math.min(workers, items.length)}, worker));
}

export async function runFull(options: FullOptions, log: (text: string) => void): Promise<FullResult> {
	const started = Date.now();
	const violations: Report[] = [];
	const suspected: Report[] = [];
	const actions = new Map<string, number>();
	const done: Done[] = [];
	const rerun: {name: string; passed: boolean}[] = [];
	const onReport = (report: Report) => {
		if (timedOut(report)) suspected.push(report);
		else violations.push(report);
		// With the end of what the actions printed (the lead reads it in the log).
		const tail = report.transcript.join('\n').split('\n').slice(-60).join('\n');
		log(
			`${timedOut(report) ? 'TIMED OUT (to be run again alone)' : 'VIOLATION'} ${report.name}\n${report.violations.map(v => `  - ${v}`).join('\n')}\n${tail}`,
		);
	};
	const onAction = (name: string) => {
		const kind = `${name.startsWith('samba.') ? 'samba' : 'lab'} ${name.split('>').at(-1)}`;
		actions.set(kind, (actions.get(kind) ?? 0) + 1);
		if (process.env['MODEL_PROGRESS']) process.stderr.write(`· ${name}\n`);
	};
	const labFirsts = FIRST_STATES.filter(f => options.only.test(f.id));
	const sambaFirsts = options.samba ? SAMBA_FIRST_STATES.filter(f => options.only.test(f.id)) : [];
	const lab: First[] = labFirsts.map(f => ({id: f.id, target: 'lab', weight: 1, go: until => explore(f, options.depth, onReport, onAction, until)}));
	// With one worker the targets share it: the Samba first states weigh as much, together, as the lab's.
	const sambaWeight = options.workers === 1 && sambaFirsts.length > 0 ? Math.max(1, labFirsts.length / sambaFirsts.length) : 1;
	const samba: First[] = sambaFirsts.map(f => ({
		id: f.id,
		target: 'samba',
		weight: sambaWeight,
		go: until => exploreSamba(f, options.sambaDepth, onReport, onAction, until),
	}));

	const text = (final: boolean) => {
		const sum = (t: Target) => {
			const ds = done.filter(d => d.target === t && d.exploration);
			return {
				sequences: ds.reduce((n, d) => n + d.exploration!.sequences, 0),
				executed: ds.reduce((n, d) => n + d.exploration!.executed, 0),
				pruned: ds.reduce((n, d) => n + d.exploration!.pruned, 0),
				firsts: ds.length,
			};
		};
		const l = sum('lab');
		const s = sum('samba');
		const minutes = (Date.now() - started) / 60_000;
		const rate = (n: number) => (minutes > 0 ? (n / minutes).toFixed(1) : '0');
		const passedAlone = rerun.filter(r => r.passed).length;
		return [
			`The model test's full run${final ? '' : ' (in progress)'}: ${new Date(started).toISOString()} to ${new Date().toISOString()} (${minutes.toFixed(1)} min), ${options.workers} workers${process.env['MODEL_UNTIL'] ? `, MODEL_UNTIL ${process.env['MODEL_UNTIL']}` : ''}`,
			`Sequences covered: ${l.sequences + s.sequences} (lab ${l.sequences}, real Samba ${s.sequences}); actions run: ${l.executed + s.executed} (lab ${l.executed}, real Samba ${s.executed}); actions reaching a state already reached: ${l.pruned + s.pruned}`,
			`Rate: lab ${rate(l.sequences)} sequences/min (${rate(l.executed)} actions/min), real Samba ${rate(s.sequences)} sequences/min (${rate(s.executed)} actions/min)`,
			`Depth: lab up to ${options.depth} actions after the first run, real Samba up to ${options.sambaDepth}`,
			`First states explored: lab ${l.firsts} of ${lab.length}, real Samba ${s.firsts} of ${samba.length}`,
			...done.map(
				d =>
					`  ${d.id}: ${d.failed ? `the exploration stopped: ${d.failed.split('\n')[0]}` : d.exploration ? `${d.exploration.sequences} sequences, ${d.exploration.executed} actions, every sequence of up to ${d.exploration.levelsDone} actions run, ${Math.round(d.seconds)} s` : 'not begun (MODEL_UNTIL)'}`,
			),
			`Actions run: ${[...actions].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
			`SMB faults injected: ${[...FAULTS_INJECTED].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
			`Timed out (a limit of time reached, not a rule broken): ${suspected.length}; run again alone: ${rerun.length}, of which passed alone ${passedAlone}, failed alone ${rerun.length - passedAlone}${suspected.length > rerun.length && final ? `; not run again (counted as violations): ${suspected.length - rerun.length}` : ''}`,
			`Violations: ${violations.length}`,
			...violations.flatMap(v => [`  ${v.name}`, ...v.violations.map(x => `    - ${x.slice(0, 2000)}`), `    replay: ${replayCommand(v.name)}`]),
			'',
		].join('\n');
	};
	const write = async (final: boolean) => writeFile(options.reportFile, text(final));
	const onDone = async (d: Done) => {
		done.push(d);
		if (d.failed) violations.push({name: d.id, violations: [`the exploration stopped: ${d.failed}`], transcript: []});
		log(`${d.id}: ${d.exploration ? `${d.exploration.sequences} sequences, ${d.exploration.executed} actions` : d.failed ? 'stopped' : 'not begun'}`);
		await write(false);
	};
	await write(false);
	const sambaWorkers = samba.length === 0 ? 0 : options.workers === 1 ? 0 : Math.ceil(options.workers / 2);
	if (sambaWorkers === 0) {
		// One worker: the targets interleaved, each first state given its weighted share of the time left.
		const mixed = Array.from({length: Math.max(lab.length, samba.length)}, (_, i) => [samba[i], lab[i]])
			.flat()
			.filter((f): f is First => Boolean(f));
		await schedule(mixed, options.workers, onDone);
	} else {
		await Promise.all([schedule(samba, sambaWorkers, onDone), schedule(lab, Math.max(1, options.workers - sambaWorkers), onDone)]);
	}

	// Each timed-out sequence again, alone (no other worker runs): a violation only if it fails alone too.
	for (const report of suspected.slice(0, options.reruns)) {
		const again = report.name.startsWith('samba.') ? await runSambaCase(report.name) : await runCase(parseCase(report.name));
		const passed = again.violations.length === 0;
		rerun.push({name: report.name, passed});
		log(`${report.name}, run again alone: ${passed ? 'passed' : 'failed again'}`);
		if (!passed)
			violations.push({
				name: report.name,
				violations: [...again.violations, `(it had timed out beside the other workers, and failed again alone${timedOut(again) ? ', timing out again' : ''})`],
				transcript: again.transcript,
			});
	}
	for (const report of suspected.slice(options.reruns))
		violations.push({...report, violations: [...report.violations, '(timed out beside the other workers; not run again alone: MODEL_RERUNS reached)']});
	await write(true);
	return {violations, text: text(true)};
}
