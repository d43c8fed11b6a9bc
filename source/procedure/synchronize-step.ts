import type {Target} from '../targets/capabilities.js';
import {listNames} from './list-names.js';
import {SYNCHRONIZE_CHOICES, synchronizeDuration} from './synchronize-choice.js';
import type {RunHooks, StepDef, StepOutcome} from './procedure-run.js';
import type {RunStanding} from './run-standing.js';

/**
 * "Synchronize all servers", the last step of both flows. Stopping it part way is safe (a server half
 * propagated is simply not synchronized yet), so leaving aborts it at once rather than waiting.
 */
export async function synchronizeStep(target: Target, hooks: RunHooks, options: {mustSucceed?: readonly string[]; full?: boolean} = {}): Promise<StepOutcome> {
	if (!target.sync) {
		return {
			status: 'failed',
			message: 'this target cannot be synchronized by the tool',
			advice: 'use Synchronization Manager: NetWare Server ▸ Synchronize all servers',
		};
	}
	let results;
	try {
		results = await target.sync.synchronizeAll({
			...(hooks.only ? {only: hooks.only} : {}),
			...(hooks.signal ? {signal: hooks.signal} : {}),
			onEvent: hooks.onSync,
			// "Fully synchronize all servers" (procedure/synchronize-choice.ts): every account sent again.
			...(options.full ? {full: true} : {}),
		});
	} catch (error) {
		if (hooks.signal?.aborted) return {status: 'interrupted', message: `synchronization stopped part way: ${await leftRed(target)}`};
		throw error;
	}
	// A reconstruct answers for the servers it rebuilt: others still red were red before it, and are said so.
	const mine = (server: string) => !options.mustSucceed || options.mustSucceed.includes(server);
	const failed = results.filter(r => !r.ok && mine(r.server));
	const othersRed = results.filter(r => !r.ok && !mine(r.server)).map(r => r.server);
	if (failed.length === 0) {
		const synchronized = results.filter(r => r.ok).length;
		const summary = `${synchronized} server${synchronized === 1 ? '' : 's'} synchronized`;
		return {
			status: 'done',
			summary: othersRed.length
				? `${summary}; ${othersRed.join(', ')} still show${othersRed.length === 1 ? 's' : ''} a red X (not reconstructed in this run)`
				: summary,
			sync: results,
		};
	}
	return {
		status: 'failed',
		message: `${failed.length} of ${results.length} server${results.length === 1 ? '' : 's'} still show${failed.length === 1 ? 's' : ''} a red X: ${failed.map(f => serverAndReason(f.server, f.reason)).join('; ')}`,
		advice: failedAdvice(failed),
		sync: results,
	};
}

/**
 * A failed server and why, its name said once: where the tool's own words already name it ("FS3 did not answer:
 * …"), those words alone; else the name, then the reason in parentheses. A name only inside a program's quoted
 * words does not count: those are kept as they are, after the name.
 */
export function serverAndReason(server: string, reason: string | undefined): string {
	const text = reason ?? 'it did not finish';
	const ownWords = text.replace(/"[^"]*"|“[^”]*”/g, '');
	const name = server.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\w-])${name}(?![\\w-])`, 'i').test(ownWords) ? text : `${server} (${text})`;
}

/**
 * What to do for every server that failed, not only the first: each piece of advice once, with the servers it
 * is for ("for each of FS3, FS5, check that the server is up…, then retry"), as the failure's choice retries them all.
 */
export function failedAdvice(failed: readonly {server: string; advice?: string | undefined}[]): string {
	const byAdvice = new Map<string, string[]>();
	for (const {server, advice} of failed) byAdvice.set(advice ?? 'retry', [...(byAdvice.get(advice ?? 'retry') ?? []), server]);
	return [...byAdvice].map(([advice, names]) => `for ${names.length === 1 ? names[0] : `each of ${listNames(names)}`}, ${advice}`).join('; ');
}

/**
 * After a synchronization stopped part way (leaving stops it at its next safe point, ARCHITECTURE.md, "Synchronize
 * all servers"): the servers left red, where the target reads them (the lab); else that some may be.
 */
export async function leftRed(target: Target): Promise<string> {
	const kept = 'what the servers received before it stopped stays';
	const red = await target.servers.list().then(
		servers => servers.filter(server => !server.synchronized).map(server => server.name),
		() => undefined,
	);
	if (red === undefined || !target.sync) return `${kept}; a server it did not finish may show a red X until it is run again`;
	if (!red.length) return `${kept}, and every server shows a blue check`;
	return `${kept}; ${listNames(red)} show${red.length === 1 ? 's' : ''} a red X until it is run again`;
}

/** A run cut off during its synchronize (ARCHITECTURE.md, "Synchronize all servers"): what the servers received stays, and which are left red. */
export async function synchronizeCutOff(run: {standing(): RunStanding; steps(): StepDef[]; target: Target}): Promise<string | undefined> {
	const {during} = run.standing();
	if (during !== 'synchronize') return undefined;
	const title = run.steps().find(step => step.id === during)?.title ?? during;
	return `"${title}" stopped part way: ${await leftRed(run.target)}; resume the run to finish it.`;
}

/** "Synchronize all servers" as the admin does it in Synchronization Manager, checking these servers. */
export function synchronizeInstructions(names: readonly string[], since: string, full = false): string[] {
	return [
		'On the PDC, open Synchronization Manager (Start ▸ Programs ▸ Administrative Tools).',
		`Choose NetWare Server ▸ ${SYNCHRONIZE_CHOICES[full ? 'full' : 'normal'].label}. ${synchronizeDuration(full ? 'full' : 'normal')}`,
		names.length ? `Wait until each of these shows a blue check: ${listNames([...names])}.` : 'Wait until every server shows a blue check.',
		`A server still showing a red X: note it; the Event Viewer's Application log says why (since ${since.slice(0, 16).replace('T', ' ')}).`,
	];
}
