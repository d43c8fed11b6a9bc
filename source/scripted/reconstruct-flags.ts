/**
 * A scripted reconstruct's answers, from its flags (ARCHITECTURE.md, "The command line and the front
 * ends"): the servers (--select, else those with a red X), the binderies restored first, the passwords;
 * each checked against the target before anything changes, a mistake being a UsageError that names the flag.
 */
import {resolve} from 'node:path';
import type {ReconstructAnswers} from '../app/begin-run.js';
import type {Io} from '../app/io.js';
import type {WizardOptions} from '../app/options.js';
import {binderyBackupProblem, passwordsFilePlaceProblem, redServers, unmanagedServers} from '../app/reconstruct-answers.js';
import type {ScriptedAnswers} from '../app/scripted-answers.js';
import {UsageError} from '../errors/hinted-error.js';
import {initialPasswordProblem} from '../procedure/passwords.js';
import {earlierListsWarning, earlierPasswordLists} from '../procedure/reconstruct-run.js';
import {binderyRestoreRefusal, versionOf} from '../procedure/reconstruct-texts.js';
import {effectiveVersions} from '../procedure/allow4x-check.js';
import type {Target} from '../targets/capabilities.js';

export async function reconstructFromFlags(
	target: Target,
	answers: Extract<ScriptedAnswers, {intent: 'reconstruct'}>,
	options: WizardOptions,
	io: Io,
	warn: (text: string) => void,
): Promise<ReconstructAnswers> {
	for (const line of earlierListsWarning(await earlierPasswordLists(target))) warn(line);
	const servers = await target.servers.list();
	const chosen = (answers.select ?? redServers(servers)).map(n => n.toUpperCase());
	const unknown = unmanagedServers(chosen, servers);
	if (unknown.length)
		throw new UsageError(`--select names servers the domain does not manage: ${unknown.join(', ')}`, `its servers are ${servers.map(s => s.name).join(', ')}`);
	if (chosen.length === 0) throw new UsageError('no server shows a red X: name the servers to reconstruct with --select FS1,FS2');
	const {restoreBindery} = answers;
	const notChosen = restoreBindery.filter(name => !chosen.includes(name));
	if (notChosen.length)
		throw new UsageError(`--restore-bindery names servers that are not reconstructed: ${notChosen.join(', ')}`, `it takes some of ${chosen.join(', ')}`);
	// What the target knows of a version (the lab does) wins over --netware: the steps name the right tools.
	const versions = await effectiveVersions(target, chosen, options.netware ?? {});
	const netware = Object.fromEntries(Object.entries(versions).filter(([, version]) => version !== '3.x'));
	for (const server of restoreBindery) {
		const refusal = binderyRestoreRefusal(server, versionOf(netware, server));
		if (refusal) throw new UsageError(refusal, 'leave it out of --restore-bindery');
		const problem = await binderyBackupProblem(target, server);
		if (problem) throw new UsageError(problem, 'leave it out of --restore-bindery');
	}
	if (!target.servers.reconstruct) {
		// A real server: every NetWare step, the passwords included, is the admin's, with instructions.
		return {plan: {servers: chosen, restoreBindery, passwordPolicy: options.passwordPolicy ?? 'random', netware}};
	}
	const {passwords} = answers;
	if (!passwords) throw new UsageError('the lab sets the passwords itself: give --password-policy random|initial and --passwords-file PATH');
	const problem = await passwordsFilePlaceProblem(target, passwords.file);
	if (problem) throw new UsageError(`--passwords-file ${passwords.file}: ${problem}`);
	const initialPassword = passwords.policy === 'initial' ? await initialPasswordFromFlags(options, io) : undefined;
	return {
		plan: {servers: chosen, restoreBindery, netware, passwordPolicy: passwords.policy, passwordsFile: resolve(passwords.file)},
		initialPassword,
	};
}

/** The initial password of a scripted reconstruct: from the variable --password-env names, else stdin's first line. Never argv. */
export async function initialPasswordFromFlags(options: WizardOptions, io: Io): Promise<string> {
	let password: string | undefined;
	if (options.passwordEnv) {
		password = io.env[options.passwordEnv];
		if (password === undefined) throw new UsageError(`the variable ${options.passwordEnv} (--password-env) is not set`);
	} else {
		password = await firstLineOfStdin();
		if (password === undefined)
			throw new UsageError('--password-policy initial needs the password on standard input, or in a variable named by --password-env');
	}
	const problem = initialPasswordProblem(password);
	if (problem) throw new UsageError(`the initial password cannot be used: ${problem}`);
	return password;
}

async function firstLineOfStdin(): Promise<string | undefined> {
	if (process.stdin.isTTY) return undefined;
	let text = '';
	try {
		for await (const chunk of process.stdin) {
			text += String(chunk);
			if (text.includes('\n')) break;
		}
	} catch {
		return undefined; // no standard input at all
	}
	if (text === '') return undefined;
	return text.split(/\r?\n/)[0];
}
