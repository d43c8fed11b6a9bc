/**
 * One reconstruct run (KB Q148678, "If you do not have a backup copy…"): per chosen server, delete
 * WINNT_SYNC_AGENT, optionally restore the bindery from its backup, add the server back to the domain;
 * then a new password for every propagated user; then "Synchronize all servers". Journaled step by step;
 * a cut-off run resumes where it stopped. Nothing here can be rolled back by the tool: a deleted
 * WINNT_SYNC_AGENT is only brought back by adding the server again, which is the next step.
 */
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {exists} from '../fs/exists.js';
import {restrictToOwner, type OwnerOnly} from '../fs/owner-only.js';
import {belongsTo, Journal, readJournal, type UnfinishedRun} from '../journal/journal.js';
import type {JournalEntry, RunStarted} from '../journal/entries.js';
import type {Target} from '../targets/capabilities.js';
import {formatDate} from '../text/format.js';
import {generatePassword, passwordsFileRun, readPasswordsFile, removePartialPasswordsFiles, writePasswordsFile, type PasswordLine} from './passwords.js';
import {JournaledRun, ownerOf, startJournal} from './journaled-run.js';
import type {RunHooks, StepDef, StepOutcome} from './procedure-run.js';
import {synchronizeInstructions, synchronizeStep} from './synchronize-step.js';
import {manualNetWareInstructions, reconstructSteps, versionOf, type NetWareVersions} from './reconstruct-texts.js';

export {reconstructSteps} from './reconstruct-texts.js';

export type ReconstructPlan = {
	servers: string[];
	restoreBindery: string[];
	passwordPolicy: 'random' | 'initial';
	/** Where the tool writes the passwords it sets; none on a real server, where the admin sets them by hand. */
	passwordsFile?: string;
	/** Each server's NetWare version where it is not 3.x (`--netware FS2=4.x`). */
	netware?: NetWareVersions;
};

function stamp(at: Date): string {
	return at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** A reconstruct of this target that gave users new passwords: its list stops working once they are changed again. */
export type EarlierPasswordList = {journal: string; at: string; passwordsFile?: string; servers: string[]};

/** The finished password steps of earlier reconstruct runs of this target, newest first. */
export async function earlierPasswordLists(target: Target): Promise<EarlierPasswordList[]> {
	let names: string[];
	try {
		names = (await readdir(target.journalDir))
			.filter(n => n.endsWith('.jsonl'))
			.sort()
			.reverse();
	} catch {
		return [];
	}
	const lists: EarlierPasswordList[] = [];
	for (const name of names) {
		const path = join(target.journalDir, name);
		const entries = await readJournal(path).catch(() => []);
		const start = entries[0];
		if (start?.type !== 'run-started' || start.flow !== 'reconstruct' || !belongsTo(start, ownerOf(target))) continue;
		if (!entries.some(e => e.type === 'step-finished' && e.step === 'set-passwords')) continue;
		lists.push({journal: path, at: start.at, ...(start.passwordsFile ? {passwordsFile: start.passwordsFile} : {}), servers: start.servers ?? []});
	}
	return lists;
}

/** The warning an admin reads before a second reconstruct gives everyone new passwords again. */
export function earlierListsWarning(lists: readonly EarlierPasswordList[]): string[] {
	return lists.map(
		l =>
			`A reconstruct of ${l.at.slice(0, 16).replace('T', ' ')} UTC (journal ${l.journal}) already gave new passwords${l.passwordsFile ? `, listed in ${l.passwordsFile}` : ''}: this run gives every propagated user a new one again, and that list stops working.`,
	);
}

export class ReconstructRun extends JournaledRun {
	readonly flow = 'reconstruct' as const;
	readonly canRollback = false;
	/** The initial password, when that policy was chosen: in memory only, given again after a restart. */
	private initialPassword?: string;
	/** What restricting the passwords file to its owner did, once this process has written or retried it. */
	private passwordsAccess?: OwnerOnly;

	private constructor(target: Target, journal: Journal, start: RunStarted, entries: JournalEntry[]) {
		super(target, journal, start, entries);
	}

	static async begin(target: Target, plan: ReconstructPlan, options: {now?: Date} = {}): Promise<ReconstructRun> {
		const {journal, start} = await startJournal(target, options.now ?? new Date(), {
			flow: 'reconstruct',
			servers: plan.servers,
			restoreBindery: plan.restoreBindery,
			passwordPolicy: plan.passwordPolicy,
			...(plan.passwordsFile === undefined ? {} : {passwordsFile: plan.passwordsFile}),
			...(plan.netware && Object.keys(plan.netware).length ? {netware: {...plan.netware}} : {}),
		});
		return new ReconstructRun(target, journal, start, [start]);
	}

	static async resume(target: Target, run: UnfinishedRun): Promise<ReconstructRun> {
		return new ReconstructRun(target, await Journal.reopen(run.path), run.start, run.entries);
	}

	/** A NetWare step that failed may have changed its server part way: only a run that started no step changed nothing. */
	protected sideEffectFreeFailure(): boolean {
		return !this.entries.some(e => e.type === 'step-started');
	}

	get servers(): string[] {
		return this.start.servers ?? [];
	}

	get passwordPolicy(): 'random' | 'initial' {
		return this.start.passwordPolicy ?? 'random';
	}

	get passwordsFile(): string {
		const path = this.start.passwordsFile;
		if (path === undefined) throw new Error('this run has no passwords file: the passwords are set by hand on this target');
		return path;
	}

	/** Whether the next step needs the initial password, which is never stored. */
	needsInitialPassword(): boolean {
		return (
			this.passwordPolicy === 'initial' &&
			this.initialPassword === undefined &&
			!this.finishedSteps().includes('set-passwords') &&
			this.target.servers.reconstruct !== undefined
		);
	}

	provideInitialPassword(password: string): void {
		this.initialPassword = password;
	}

	steps(): StepDef[] {
		return reconstructSteps(
			this.servers,
			this.start.restoreBindery ?? [],
			{netware: !this.target.servers.reconstruct, sync: !this.target.sync},
			this.start.netware,
		);
	}

	private ops() {
		const ops = this.target.servers.reconstruct;
		if (!ops) throw new Error('this target cannot do the NetWare steps itself: they are manual steps');
		return ops;
	}

	async describeChanges(step: string): Promise<string[]> {
		const [kind, server = ''] = step.split(':');
		if (!this.target.servers.reconstruct && kind !== 'synchronize') {
			const version = versionOf(this.start.netware, server);
			// Read just before a 4.x server loses its agent, so a resumed run reads it again (procedure/allow4x-check.ts).
			const allow4x = kind === 'delete-agent' && version === '4.x' ? await this.target.servers.allow4x?.() : undefined;
			return manualNetWareInstructions(kind!, server, {initialPassword: this.passwordPolicy === 'initial', version, allow4x});
		}
		// As before each step the tool cannot undo (README): what the servers received stays on them.
		const noUndo = 'The tool cannot undo this (a reconstruct has no roll back): what the servers received stays on them.';
		if (kind === 'synchronize' && !this.target.sync) return [...synchronizeInstructions(this.servers, this.start.at), noUndo];
		switch (kind) {
			case 'delete-agent':
				return [
					versionOf(this.start.netware, server) === '4.x'
						? `Deletes the NetWare user WINNT_SYNC_AGENT from ${server}'s bindery context, as NetWare 4.x's administrative tools would (SYSCON is NetWare 3.x's and does not apply to 4.x).`
						: `Deletes the NetWare user WINNT_SYNC_AGENT from ${server}'s bindery (as SYSCON: User Information ▸ WINNT_SYNC_AGENT ▸ Delete).`,
					`DSMN can no longer reach ${server} until it is added back (a later step).`,
					'The tool cannot undo this: only adding the server back gives it a WINNT_SYNC_AGENT again.',
				];
			case 'restore-bindery': {
				const check = await this.ops().checkBinderyBackup(server);
				if (!check.ok)
					return [
						`The bindery backup of ${server} cannot be used: ${check.problems.join('; ')}.`,
						'Confirming will fail; choose Stop and skip it by starting again without it.',
					];
				// The domain's accounts the restore removes come back with the synchronize: only the others are gone.
				const propagated = new Set((await this.ops().propagatedUsers()).map(name => name.toUpperCase()));
				const others = check.usersLost.filter(name => !propagated.has(name.toUpperCase()));
				const domain = check.usersLost.length - others.length;
				return [
					`Replaces ${server}'s bindery (NET$OBJ/PROP/VAL.SYS) with its backup (.OLD${check.taken ? `, ${formatDate(check.taken)}` : ''}), as BINDREST does.`,
					...(domain
						? [
								`${domain} domain account${domain === 1 ? '' : 's'} not in the backup ${domain === 1 ? 'is' : 'are'} removed; the synchronize then propagates all ${propagated.size} again, with their new passwords.`,
							]
						: []),
					others.length
						? `${others.length} other user${others.length === 1 ? '' : 's'} not in the backup will be gone: ${others.slice(0, 6).join(', ')}${others.length > 6 ? ', …' : ''}`
						: 'No other user is lost.',
					`The current bindery is kept in ${this.binderyAside(server)}; the tool does not put it back by itself.`,
				];
			}
			case 'add-server':
				return [
					`Adds ${server} to the domain for management (Synchronization Manager ▸ NetWare Server ▸ Add Server to Manage):`,
					"creates WINNT_SYNC_AGENT and MS_WINNT on it, and a new record in DSMN's database.",
					`The tool cannot undo this (a reconstruct has no roll back): from here on DSMN manages ${server} again.`,
				];
			case 'set-passwords': {
				const users = await this.ops().propagatedUsers();
				return [
					this.passwordPolicy === 'random'
						? `Gives each of the ${users.length} propagated users a new random password (14 characters, from the system's secure random source).`
						: `Gives each of the ${users.length} propagated users the initial password you typed; each must change it at next logon.`,
					`The list goes to ${this.passwordsFile} (created ${process.platform === 'win32' ? 'with an access list for you alone, set with icacls' : 'with mode 0600'}, never overwritten) and nowhere else.`,
					'The tool cannot undo this: the old passwords are kept nowhere it can read, so they cannot be put back.',
				];
			}
			case 'synchronize':
				return [
					'Runs "Synchronize all servers": DSMN propagates, to each managed NetWare server, the NetWare-enabled accounts of the groups chosen for that server (KB Q183684), with their new passwords.',
					noUndo,
				];
		}
		return [];
	}

	/** Whether the attempt of this step before the current one ended without a word: the process was killed. */
	private previousAttemptCutOff(step: string): boolean {
		const mine = this.entries.filter(e => 'step' in e && e.step === step);
		return mine.at(-2)?.type === 'step-started';
	}

	private binderyAside(server: string): string {
		return join(this.ops().binderyFolder(server), `bindery-before-restore-${stamp(new Date(this.start.at))}`);
	}

	/**
	 * How each server this run changed stands now, from the journal (ARCHITECTURE.md, "The run and its journal"):
	 * said wherever the run is left or stops, so the admin knows which servers wait for the resume.
	 */
	override serversStanding(): string[] {
		const done = new Set(this.finishedSteps());
		const started = new Set(this.entries.flatMap(e => (e.type === 'step-started' ? [e.step] : [])));
		const synchronized = done.has('synchronize');
		return this.servers.flatMap(server => {
			const restored = done.has(`restore-bindery:${server}`);
			const cut = [`delete-agent:${server}`, `restore-bindery:${server}`, `add-server:${server}`].find(s => started.has(s) && !done.has(s));
			if (cut) {
				const title = this.steps().find(s => s.id === cut)?.title ?? cut;
				return [`${server}: the step "${title}" did not finish and may have changed ${server} part way; resume the run to do it again.`];
			}
			if (done.has(`delete-agent:${server}`) && !done.has(`add-server:${server}`))
				return [
					`${server}: WINNT_SYNC_AGENT is deleted${restored ? ' and its bindery is restored from its backup (the domain accounts not in that backup are gone from it: its users cannot log on to it with them)' : ''}; DSMN cannot reach ${server} until it is added back to the domain: resume the run, which does that next.`,
				];
			if (done.has(`add-server:${server}`) && !synchronized)
				return [
					`${server}: added back to the domain, not yet synchronized${restored ? ' (the domain accounts its bindery restore removed come back with the synchronize)' : ''}: resume the run to finish.`,
				];
			return [];
		});
	}

	whereThingsAre(): string[] {
		const set = this.finishedSteps().includes('set-passwords');
		const passwords = !this.target.servers.reconstruct
			? set
				? 'The new passwords are the ones you set in User Manager for Domains.'
				: this.awaitingManual('set-passwords')
					? // The admin may have set some by hand already: the tool cannot see which.
						'The new passwords are the ones you set by hand in User Manager for Domains, as the step "Set a new password for each propagated user" says; dsmn-resync cannot see which are set yet.'
					: 'No password has been changed yet: the step "Set a new password for each propagated user" says how, in User Manager for Domains.'
			: !set
				? `No password has been changed yet: the set-passwords step lists them in ${this.passwordsFile} when it runs.`
				: this.passwordPolicy === 'initial'
					? `${this.passwordsFile}${this.passwordsAccess ? ` (${this.passwordsAccess.note})` : ''} lists the users who now have the initial password you typed (it is not written there): tell each user that password; they must change it at next logon. Then delete the file.`
					: `The new passwords are in ${this.passwordsFile}${this.passwordsAccess ? ` (${this.passwordsAccess.note})` : ''}: give each user theirs, then delete the file.`;
		return [passwords, `The journal of this run: ${this.journalPath}`];
	}

	protected async perform(step: string, hooks: RunHooks): Promise<StepOutcome> {
		const [kind, server = ''] = step.split(':');
		if (this.steps().find(s => s.id === step)?.manual) return {status: 'manual', instructions: await this.describeChanges(step)};
		const ops = this.ops();
		switch (kind) {
			case 'delete-agent': {
				const result = await ops.deleteSyncAgent(server);
				return {
					status: 'done',
					summary: result === 'deleted' ? `WINNT_SYNC_AGENT deleted from ${server}` : `${server} had no WINNT_SYNC_AGENT: nothing to delete`,
				};
			}
			case 'restore-bindery': {
				const aside = this.binderyAside(server);
				await ops.restoreBindery(server, aside);
				return {status: 'done', summary: `${server}'s bindery restored from NET$*.OLD; the previous one is kept in ${aside}`};
			}
			case 'add-server':
				if (this.previousAttemptCutOff(step) && this.finishedSteps().includes(`delete-agent:${server}`)) {
					// An attempt of this run was killed midway: WINNT_SYNC_AGENT was deleted by this run's first step, so
					// one there now is that attempt's, half done. Take it away and add the server whole (else it "has already been added", Q149906).
					// A retry after a plain failure does not come here: that agent is not ours to delete silently.
					await ops.deleteSyncAgent(server);
				}
				await ops.addToDomain(server);
				return {status: 'done', summary: `WINNT_SYNC_AGENT and MS_WINNT (SYNCPDC naming the PDC) created on ${server}`};
			case 'set-passwords':
				return this.setPasswords(hooks);
			case 'synchronize':
				return synchronizeStep(this.target, hooks, {mustSucceed: this.servers});
		}
		return {status: 'failed', message: `unknown step ${step}`, advice: 'start again'};
	}

	private async setPasswords(hooks: RunHooks): Promise<StepOutcome> {
		const ops = this.ops();
		if (this.passwordPolicy === 'initial' && this.initialPassword === undefined) {
			return {status: 'failed', message: 'the initial password is needed again (it is never stored)', advice: 'type it again, twice'};
		}
		const users = await ops.propagatedUsers();
		const path = this.passwordsFile;
		const journaled = this.entries.some(e => e.type === 'passwords-file' && e.path === path);
		// Killed after the file got its name but before the journal said so: the file names this run.
		const unjournaled = !journaled && (await exists(path)) && (await passwordsFileRun(path)) === this.start.runId;
		await removePartialPasswordsFiles(path);
		let lines: PasswordLine[];
		if ((journaled || unjournaled) && (await exists(path))) {
			// A retry after a crash: the file this run wrote holds the passwords to apply, the same ones.
			lines = await readPasswordsFile(path);
			this.passwordsAccess = await restrictToOwner(path);
			if (unjournaled) await this.record({type: 'passwords-file', path, users: lines.length});
		} else {
			lines = [];
			for (const [i, name] of users.entries()) {
				lines.push(this.passwordPolicy === 'random' ? {name, password: generatePassword(), mustChange: false} : {name, mustChange: true});
				if (i % 100 === 99) hooks.onCountProgress?.({label: 'passwords generated', done: i + 1, total: users.length * 2});
			}
			this.passwordsAccess = await writePasswordsFile(path, lines, new Date(), this.start.runId);
			await this.record({type: 'passwords-file', path, users: lines.length});
		}
		hooks.onCountProgress?.({label: 'passwords set', done: users.length, total: users.length * 2});
		await ops.setPasswords(lines, this.initialPassword);
		hooks.onCountProgress?.({label: 'passwords set', done: users.length * 2, total: users.length * 2});
		const access = this.passwordsAccess;
		return {
			status: 'done',
			summary: `${lines.length} users have a new password; the list is in ${path} (${access.note})${access.advice ? `. What to do: ${access.advice}` : ''}`,
		};
	}

	async rollback(): Promise<StepOutcome> {
		return {
			status: 'failed',
			message: 'a reconstruct cannot be rolled back by the tool',
			advice: 'a deleted WINNT_SYNC_AGENT comes back by adding the server to the domain: resume the run',
		};
	}
}
