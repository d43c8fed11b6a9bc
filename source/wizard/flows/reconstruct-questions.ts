/**
 * The reconstruct flow's questions (ARCHITECTURE.md, "The wizard"): what it costs, which servers, which
 * binderies to restore first, the password policy (an initial password typed twice, kept in memory only),
 * where the passwords file goes, the plan. Begin turns the answers into a `ReconstructRun`.
 */
import {EXIT} from '../../errors/exit-codes.js';
import {basename, dirname, join, resolve} from 'node:path';
import {homedir} from 'node:os';
import {binderyBackupProblem, passwordsFilePlaceProblem, redServers} from '../../app/reconstruct-answers.js';
import type {ReconstructPlan, ReconstructRun} from '../../procedure/reconstruct-run.js';
import {binderyRestoreRefusal, versionOf, type NetWareVersions} from '../../procedure/reconstruct-texts.js';
import {netwareAnswers, netwarePlanLine} from './situation-netware.js';
import {operations, type WizardSession} from '../session.js';
import {notReadyToReconstruct} from '../summary.js';
import {SUPERVISOR_ADVICE, SUPERVISOR_NEEDED} from '../../procedure/supervisor-login.js';
import type {ChoiceValues} from '../choices.js';
import {noSupervisorQuestion} from './situation-supervisor.js';
import {withoutError} from '../text-entry.js';

export class ReconstructQuestions {
	/** The answers so far. */
	private plan: Partial<ReconstructPlan> = {};
	/** The initial password's first entry, while the second is typed: in memory only. */
	private firstPassword: string | undefined;
	/** The initial password, confirmed: handed to the run when it begins, never stored. */
	private initialPassword: string | undefined;
	/** The domain's propagated accounts as the consequences screen counted them: the bindery question reuses them. */
	private propagated: readonly string[] | undefined;

	constructor(private readonly s: WizardSession) {}

	/** "No backup": before anything changes, the reconstruct needs MSSYNC running ("Add Server to Manage"). */
	async start(): Promise<void> {
		const target = this.s.activeTarget;
		const {store} = this.s;
		this.plan = {};
		this.propagated = undefined;
		const {reconstructPreflight, earlierPasswordLists, earlierListsWarning} = await operations();
		// The same preflight as a scripted reconstruct: DSMN must be running to add each server back.
		const failed = (await reconstructPreflight(target, {onCommand: store.onCommand})).find(c => !c.ok);
		if (failed) {
			store.set({screen: notReadyToReconstruct(failed.detail, failed.fix)});
			return;
		}
		const servers = await target.servers.list();
		const ops = target.servers.reconstruct;
		this.propagated = ops ? await ops.propagatedUsers() : undefined;
		const users = this.propagated?.length;
		const warnings = earlierListsWarning(await earlierPasswordLists(target));
		store.go({
			name: 'consequences',
			servers: redServers(servers),
			...(users === undefined ? {} : {users}),
			...(warnings.length ? {warnings} : {}),
			...(this.s.options.supervisor ? {supervisor: this.s.options.supervisor} : {}),
		});
	}

	/**
	 * The consequences accepted, or not: deleting WINNT_SYNC_AGENT and adding each server back both need a
	 * Supervisor (or equivalent) login on that server; without one for every server, nothing is changed and
	 * the admin is told how to get one, or to reconstruct only the servers they have one for.
	 */
	async acceptConsequences(answer: ChoiceValues['consequences'] = 'go'): Promise<void> {
		if (answer === 'no-supervisor') {
			// The real choices: go on with only the servers there is a login for, or leave with nothing changed (Esc: back).
			this.s.store.go(noSupervisorQuestion());
			return;
		}
		const target = this.s.activeTarget;
		const servers = await target.servers.list();
		// A real server's list is in Synchronization Manager, out of reach: the admin names them.
		if (servers.length === 0) return this.s.handovers.askField('servers');
		const lab = target.kind === 'lab';
		const preselected = this.s.options.select ?? redServers(servers);
		this.s.store.go({
			name: 'multi-select',
			purpose: 'servers',
			title: 'Which NetWare servers do you want to reconstruct?',
			hint: lab
				? 'The ones with a red X are chosen already. Space chooses or leaves one; Enter goes on.'
				: 'The ones you named are chosen. Space chooses or leaves one; Enter goes on.',
			items: servers.map(s => ({value: s.name, label: `${s.name.padEnd(10)} ${s.synchronized ? 'synchronized' : lab ? 'red X' : 'named with --select'}`})),
			cursor: 0,
			selected: preselected.filter(name => servers.some(s => s.name === name)),
		});
	}

	/** A choice on the question after "I have no Supervisor login on some of them". */
	async afterNoSupervisor(choice: string): Promise<void> {
		if (choice === 'some') return this.acceptConsequences('go');
		if (choice === 'leave') {
			const screen = withoutSupervisorRights(this.s.again());
			this.s.store.set({screen, exit: screen.exit});
		}
	}

	moveCursor(delta: number): void {
		const screen = this.s.store.screen;
		if (screen.name !== 'multi-select') return;
		const cursor = (screen.cursor + delta + screen.items.length) % screen.items.length;
		this.s.store.set({screen: {...screen, cursor}});
	}

	toggleSelected(): void {
		const screen = this.s.store.screen;
		if (screen.name !== 'multi-select') return;
		const value = screen.items[screen.cursor]?.value;
		if (value === undefined) return;
		const selected = screen.selected.includes(value) ? screen.selected.filter(v => v !== value) : [...screen.selected, value];
		this.s.store.set({screen: withoutError({...screen, selected: screen.items.map(i => i.value).filter(v => selected.includes(v))})});
	}

	async submitSelection(): Promise<void> {
		const {store} = this.s;
		const screen = store.screen;
		if (screen.name !== 'multi-select') return;
		if (screen.purpose === 'servers') {
			if (screen.selected.length === 0) {
				store.set({screen: {...screen, error: 'Choose at least one server (Space), then Enter.'}});
				return;
			}
			// Their NetWare versions first (flows/situation.ts), then the bindery question.
			return this.s.handovers.askNetWare(screen.selected);
		}
		const target = this.s.activeTarget;
		for (const server of screen.selected) {
			const problem = binderyRestoreRefusal(server, versionOf(this.plan.netware, server)) ?? (await binderyBackupProblem(target, server));
			if (problem) {
				store.set({screen: {...screen, error: `${problem}. Leave it unchosen.`}});
				return;
			}
		}
		this.plan.restoreBindery = screen.selected;
		// On a real server the admin sets the passwords by hand, in User Manager for Domains: nothing to ask.
		if (!target.servers.reconstruct) {
			this.plan.passwordPolicy = 'random';
			return this.showPlan();
		}
		if (this.s.options.passwordPolicy) return this.choosePasswordPolicy(this.s.options.passwordPolicy);
		store.go({name: 'password-policy'});
	}

	/** The second question: restore which servers' binderies (optional), with what each would lose. */
	async chooseBinderyServers(servers: string[], answered: NetWareVersions = {}): Promise<void> {
		const target = this.s.activeTarget;
		const {allow4xRefusal, effectiveVersions} = await operations();
		// Before anything changes: a 4.x server that DSMN cannot take back (no Allow4X) must keep its WINNT_SYNC_AGENT.
		const refused = await allow4xRefusal(target, servers, answered);
		if (refused) {
			this.s.store.set({screen: notReadyToReconstruct(refused.message, `What to do: ${this.s.asLaunched(refused.advice)}.`)});
			return;
		}
		// What the target knows of a version wins over the answer: the steps name the right tools.
		const netware = netwareAnswers(await effectiveVersions(target, servers, answered));
		this.plan.servers = servers;
		this.plan.netware = netware;
		const ops = target.servers.reconstruct;
		// Users the restore removes that are the domain's propagated accounts come back with the synchronize (with
		// new passwords); only the others are lost for good.
		// Read once, for the consequences screen (start); read here only when that screen was not shown.
		const propagated = this.propagated ?? (ops ? await ops.propagatedUsers() : []);
		const domainAccounts = new Set(propagated.map(name => name.toUpperCase()));
		const items = [];
		for (const server of servers) {
			const refusal = binderyRestoreRefusal(server, versionOf(netware, server));
			const check = ops && !refusal ? await ops.checkBinderyBackup(server) : undefined;
			items.push({
				value: server,
				label: refusal
					? `${server.padEnd(10)} NetWare 4.x: no bindery backup to restore (NDS)`
					: !check
						? `${server.padEnd(10)} with BINDREST on the server (you will be told how)`
						: check.ok
							? `${server.padEnd(10)} backup of ${check.taken?.toISOString().slice(0, 10) ?? '?'}: ${check.usersInBackup} users; ${lostLine(check.usersLost, domainAccounts, check.backupUsers)}`
							: `${server.padEnd(10)} no usable bindery backup (${check.problems[0]})`,
			});
		}
		this.s.store.go({
			name: 'multi-select',
			purpose: 'bindery',
			title: 'Restore the bindery from its backup (NET$*.OLD) on which servers? (optional)',
			hint: 'Only if you want a server back as it was before synchronization: every change made on it since that backup is lost. Space chooses one; Enter goes on (with none chosen, no bindery is restored).',
			items,
			cursor: 0,
			selected: [],
		});
	}

	async choosePasswordPolicy(policy: 'random' | 'initial'): Promise<void> {
		this.plan.passwordPolicy = policy;
		if (policy === 'initial') {
			this.s.secret.clear();
			this.firstPassword = undefined;
			this.s.store.go({name: 'password-entry', stage: 'first', length: 0});
			return;
		}
		this.askPasswordsFile();
	}

	private askPasswordsFile(): void {
		const date = new Date().toISOString().slice(0, 10);
		const target = this.s.activeTarget;
		// The practice lab's passwords stay with the practice: beside the lab's folder (the lab itself is the
		// simulated server, where the file may not go). A real server's go to the admin's home folder: private
		// to them, and off the server and its SYNCAGNT.
		const lab = target.kind === 'lab';
		// The lab's own file, named after it: two labs in one folder (two `npm start` under /tmp) never share one.
		const suggestion =
			this.s.options.passwordsFile ??
			(lab ? join(dirname(target.location), `${basename(target.location)}-passwords-${date}.txt`) : join(homedir(), `dsmn-resync-passwords-${date}.txt`));
		const note = this.s.options.passwordsFile
			? undefined
			: lab
				? 'Suggested beside the practice lab, not inside it (the lab is the simulated server): practice passwords stay with the practice.'
				: 'Suggested in your home folder: private to you, and off the NT server (never in SYNCAGNT, which its backups copy).';
		this.s.store.go({name: 'passwords-file', input: suggestion, ...(note ? {note} : {})});
	}

	/** Enter on the initial password: the first entry checked, the second compared with it. */
	async submitPassword(): Promise<void> {
		const {store, secret} = this.s;
		const screen = store.screen;
		if (screen.name !== 'password-entry') return;
		const typed = secret.take();
		if (screen.stage === 'first') {
			const {initialPasswordProblem} = await operations();
			const problem = initialPasswordProblem(typed);
			if (problem) {
				store.set({screen: {...screen, length: 0, error: `Not that one: ${problem}.`}});
				return;
			}
			this.firstPassword = typed;
			store.set({screen: {name: 'password-entry', stage: 'second', length: 0}});
			return;
		}
		const first = this.firstPassword;
		this.firstPassword = undefined;
		if (typed !== first) {
			store.set({
				screen: {
					name: 'password-entry',
					stage: 'first',
					length: 0,
					error: 'The two did not match, so neither is kept: type the password again, from the start (then once more to be sure).',
				},
			});
			return;
		}
		// A run that was resumed needs it now; a new one keeps it until the run begins.
		const run = this.s.run;
		if (run?.flow === 'reconstruct' && run.needsInitialPassword()) {
			run.provideInitialPassword(typed);
			return this.s.handovers.confirmNext();
		}
		this.initialPassword = typed;
		this.askPasswordsFile();
	}

	/** Enter on the passwords file's line. */
	async submitPasswordsFile(): Promise<void> {
		const {store} = this.s;
		const screen = store.screen;
		if (screen.name !== 'passwords-file') return;
		const path = screen.input.trim();
		// An emptied line: what to type, not a place that is "not there" (the suggestion was erased by the admin).
		if (path === '') {
			store.set({screen: {...screen, error: 'Type a path for the new file, or Esc to go back.'}});
			return;
		}
		const problem = await passwordsFilePlaceProblem(this.s.activeTarget, path);
		if (problem) {
			store.set({screen: {...screen, error: `Not there: ${problem}.`}});
			return;
		}
		this.plan.passwordsFile = resolve(path);
		await this.showPlan();
	}

	private async showPlan(): Promise<void> {
		const plan = this.answers();
		const target = this.s.activeTarget;
		const byHand = !target.servers.reconstruct;
		const {reconstructSteps} = await operations();
		const preview = reconstructSteps(plan.servers, plan.restoreBindery, undefined, plan.netware).map(
			s => `${s.title}${byHand ? ' (by you, with instructions)' : s.confirmation.kind === 'typed' ? ` (you will type ${s.confirmation.word})` : ''}`,
		);
		this.s.store.go({
			name: 'plan',
			flow: 'reconstruct',
			steps: preview,
			lines: [
				byHand
					? 'On a real server each NetWare step is yours: the tool gives the exact instructions and records each step once you say it is done.'
					: `New passwords: ${plan.passwordPolicy === 'random' ? 'a random one per user' : 'one initial password, to change at next logon'}, listed in ${plan.passwordsFile}`,
				...[netwarePlanLine(plan.servers, plan.netware ?? {})].filter(line => line !== undefined),
				`Journal: ${target.journalDir}`,
				'You need NetWare Supervisor rights on each server.',
			],
		});
	}

	/** The answers, complete: the plan is shown only once every question has one. */
	private answers(): ReconstructPlan {
		const {servers, restoreBindery, passwordPolicy, passwordsFile, netware} = this.plan;
		if (!servers || !restoreBindery || !passwordPolicy) throw new Error('the reconstruct plan is not complete');
		return {
			servers,
			restoreBindery,
			passwordPolicy,
			...(passwordsFile === undefined ? {} : {passwordsFile}),
			...(netware && Object.keys(netware).length ? {netware} : {}),
		};
	}

	/** Begin on the plan: the run, with the initial password if one was typed (then forgotten here). */
	async begin(): Promise<ReconstructRun> {
		const {beginReconstruct} = await operations();
		const run = await beginReconstruct(
			this.s.activeTarget,
			{plan: this.answers(), initialPassword: this.initialPassword},
			{breakLock: this.s.options.breakLock},
		);
		this.initialPassword = undefined;
		return run;
	}
}

/**
 * What a bindery restore would do, if chosen, to the users made since its backup: the domain's come back with
 * the synchronize, the others are lost. It says how many of the domain's accounts (`domainAccounts`, the number
 * said everywhere else) it removes, and that all are propagated again. Where the target reads the backup's
 * users by name (`backupUsers`: the lab, ARCHITECTURE.md "The lab"), it also says what became of the rest,
 * which holds for any backup: kept, as the backup holds them, or not on the server now (made since its record
 * was damaged, say). A target that gives only a count gets no such note.
 */
export function lostLine(usersLost: readonly string[], domainAccounts: ReadonlySet<string>, backupUsers?: readonly string[]): string {
	const domain = usersLost.filter(name => domainAccounts.has(name.toUpperCase())).length;
	const others = usersLost.length - domain;
	const all = domainAccounts.size;
	const accounts = (n: number) => `${n} domain account${n === 1 ? '' : 's'}`;
	const kept = new Set((backupUsers ?? []).map(name => name.toUpperCase()).filter(name => domainAccounts.has(name))).size;
	const rest = [kept ? `${kept} in the backup, kept` : '', all - domain - kept ? `${all - domain - kept} not on it now` : ''].filter(Boolean).join('; ');
	const note = backupUsers && rest ? ` (${rest})` : '';
	const back = !domain
		? ''
		: domain === all
			? `all ${accounts(all)} removed, then propagated again`
			: `${domain} of the ${accounts(all)} removed${note}, then all ${all} propagated again`;
	const gone = others ? `${others} other user${others === 1 ? '' : 's'} lost` : '';
	return `if chosen: ${[back, gone].filter(Boolean).join('; ') || 'no user lost'}`;
}

/** The end when the admin has no Supervisor login on some of the servers: nothing changed, and what to do. */
export function withoutSupervisorRights(again: string): ReturnType<typeof notReadyToReconstruct> {
	const why = SUPERVISOR_NEEDED;
	// The admin's own leave with nothing changed: it exits as q there would (130, README's exit status), not as a refusal.
	return {
		...notReadyToReconstruct(why, undefined),
		title: 'Left: nothing was changed',
		exit: EXIT.interrupted,
		lines: [why, `What to do: ${SUPERVISOR_ADVICE}:`, again, 'To go on now with only the servers you have a login for, start again and choose just those.'],
	};
}
