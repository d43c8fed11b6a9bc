/**
 * The target's questions (ARCHITECTURE.md, "The wizard"): the practice lab, this Windows machine or a
 * remote server (its name and, from Linux or macOS, the account Samba needs), then the target opened:
 * locked for this wizard, a run found unfinished offered on the resume screen, or the target inspected.
 */
import {cite} from '../../procedure/claims.js';
import {blueCheckLine} from './situation-synchronize.js';
import {isStaleInLiveFolder} from '../../backup/classify.js';
import {HintedError} from '../../errors/hinted-error.js';
import type {FoundRun} from '../../app/unfinished-run.js';
import {LAB_DEFAULTS} from '../../lab/options.js';
import {FIELDS, fieldProblem, serverNames, type FieldName} from '../fields.js';
import {operations, type WizardSession} from '../session.js';
import {cannotOpenTarget, journalUnreadable} from '../summary.js';

export class TargetFlow {
	/** The practice lab this session created, if any: coming back to the lab never makes a second one. */
	private createdLab: string | undefined;
	/** The remote account typed in the wizard, until its private authentication file is written. */
	private readonly account: {username?: string; domain?: string} = {};
	/** Removes the temporary authentication file written for this session, if any. */
	private removeCredentials: (() => Promise<void>) | undefined;
	/** Releases this target's lock (the wizard holds it while the target is open). */
	private releaseLock: (() => Promise<void>) | undefined;

	constructor(private readonly s: WizardSession) {}

	async start(): Promise<void> {
		// Parse the heavy half while the admin reads the first screen.
		setImmediate(() => void operations().catch(() => {}));
		if (this.s.chosenTarget) {
			await this.openTarget();
			return;
		}
		this.s.store.go({name: 'target'}, false);
	}

	async chooseTarget(kind: 'lab' | 'windows' | 'remote'): Promise<void> {
		const {options, store} = this.s;
		const {select, realFlags} = options;
		if (kind === 'windows') {
			if (this.s.deps.platform !== 'win32') {
				store.set({
					screen: {
						name: 'target',
						note: 'This is not a Windows machine: choose "A remote NT server" (a real recovery always is: dsmn-resync cannot run on the NT server itself).',
					},
				});
				return;
			}
			this.s.chosenTarget = {kind: 'windows', ...realFlags, ...(select ? {select} : {})};
			return this.openTarget();
		}
		if (kind === 'remote') {
			// No remote target until its name is typed (a spec without a host cannot be built).
			this.s.chosenTarget = undefined;
			// Until the server answers, the header names no target (not the lab of an earlier choice).
			store.set({targetDescription: undefined});
			return this.askField('host');
		}
		if (!this.createdLab) {
			store.go({name: 'loading', message: 'Creating a practice lab…'});
			const dir = await this.s.deps.makeLabFolder();
			const {createLab} = await operations();
			await createLab(dir, LAB_DEFAULTS);
			this.createdLab = dir;
			store.log('info', `Created a practice lab in ${dir}`);
		}
		this.s.chosenTarget = {kind: 'lab', lab: this.createdLab};
		await this.openTarget();
	}

	async openTarget(): Promise<void> {
		const {options, store} = this.s;
		const spec = this.s.chosenTarget;
		if (!spec) return this.askField('host');
		// From Linux or macOS, Samba needs an account: asked once, kept only in a private temporary file.
		// SYNCAGNT is reached through smbclient unless --syncagnt names a mounted share.
		if (spec.kind === 'remote' && this.s.deps.platform !== 'win32' && !spec.credentialsFile) return this.askField('username');
		store.set({screen: {name: 'loading', message: 'Looking at the target…'}});
		const {openTarget, otherRunEvent, otherRunText, resumeUnfinished, JournalError} = await operations();
		// One run per target: held while the wizard has this target open, released by the OS if it dies.
		await this.releaseLock?.();
		this.releaseLock = undefined;
		this.s.target = undefined;
		let opened;
		try {
			opened = await openTarget(spec, 'the wizard');
		} catch (error) {
			if (error instanceof JournalError) store.set({screen: journalUnreadable(error.message, this.s.again())});
			else store.set({screen: cannotOpenTarget((error as Error).message, error instanceof HintedError ? error.hint : undefined, this.s.deps.launcher)});
			return;
		}
		const {target, unfinished} = opened;
		this.s.target = target;
		this.releaseLock = opened.release;
		store.set({targetDescription: target.description});
		// Runs of other targets that share this journal folder: named, never touched.
		for (const other of opened.others) {
			const {text, continueWith} = otherRunText(otherRunEvent(other));
			store.log('warning', `${text}. To continue it: ${this.s.asLaunched(continueWith)}`);
		}
		if (unfinished) {
			const resumed = await resumeUnfinished(target, unfinished, {breakLock: options.breakLock});
			this.s.run = resumed.run;
			store.history.length = 0;
			await this.showResume(resumed.found);
			return;
		}
		await this.inspect();
	}

	/** The unfinished run as the journal has it: when it began, what it restores, how it was left. */
	private async showResume(found: FoundRun): Promise<void> {
		const run = this.s.activeRun;
		const {serviceOnResume} = await operations();
		const service = await serviceOnResume(run);
		this.s.resumeScreen = {
			name: 'resume',
			journal: found.journal,
			finished: found.finished,
			planSteps: run.steps().map(step => step.title),
			flow: found.flow,
			started: found.started,
			...(found.backup ? {backup: found.backup} : {}),
			standing: found.standing,
			...(found.standingTitle ? {standingTitle: found.standingTitle} : {}),
			canRollback: run.canRollback,
			rollbackBegan: run.rollbackBegan(),
			...(found.next ? {next: found.next.title} : {}),
			...(found.lastCommand ? {lastCommand: found.lastCommand} : {noCommand: noCommandSentence(found.finished, run.steps())}),
			...(service ? {service} : {}),
			...(found.servers ? {servers: found.servers} : {}),
		};
		// The header names the article the resumed run follows, as it did when the run began.
		const kb = found.flow === 'repair' ? cite('dsmpack', ['Q197852']) : found.newPdc ? cite('new-pdc') : cite('red-x');
		// Once a roll back began, no step list: its ticks would be what the roll back undoes, not what is done.
		this.s.store.set({kb, steps: run.rollbackBegan() ? undefined : this.s.stepList(), screen: this.s.resumeScreen});
	}

	/** What the target is like before anything is offered: on a real server, every preflight check. */
	async inspect(): Promise<void> {
		const target = this.s.activeTarget;
		const {store} = this.s;
		store.set({screen: {name: 'loading', message: 'Looking at the target…'}});
		const {preflight} = await operations();
		const servers = await target.servers.list();
		// The files of the database (what a restore moves aside), counted as the move-aside step counts them; the others named.
		const names = await target.database.files.list(target.database.syncagnt).catch((): string[] => []);
		const files = names.filter(isStaleInLiveFolder).length;
		const others = names.filter(name => !isStaleInLiveFolder(name)).sort();
		// Say plainly what works and what does not before any step is offered: on the lab as on a real server.
		const checks = await preflight(target, {onCommand: store.onCommand});
		const service = checks.find(c => c.name === 'service');
		const why = service?.state === 'STOPPED' ? await target.whyStopped?.().catch(() => undefined) : undefined;
		const state = service?.state
			? `${service.state}${why ? ` — ${why}` : ''}`
			: target.kind === 'lab'
				? `unknown (${service?.detail ?? 'see below'})`
				: 'unknown (see below)';
		// The lab shows only what is wrong: its checks that pass say nothing a practice run needs.
		const shown = target.kind === 'lab' ? checks.filter(c => !c.ok || c.warning) : checks;
		// A blue check does not show Event 8005: read where the target can (the lab's Application log).
		const event8005 = await target.event8005?.().catch(() => undefined);
		const blue = blueCheckLine(target.event8005 !== undefined, event8005);
		store.go(
			{
				name: 'inspect',
				syncagnt: target.database.syncagnt,
				service: state,
				servers,
				files,
				others,
				real: target.kind !== 'lab',
				checks: shown,
				blue,
				...(event8005 ? {event8005} : {}),
			},
			false,
		);
	}

	askField(field: FieldName, error?: string): void {
		this.s.secret.clear();
		const chosen = this.s.chosenTarget;
		const input = field === 'host' && chosen?.kind === 'remote' ? chosen.host : '';
		this.s.store.go({name: 'target-field', field, input, length: 0, ...(error ? {error} : {})});
	}

	async submitField(): Promise<void> {
		const {store} = this.s;
		const screen = store.screen;
		if (screen.name !== 'target-field') return;
		const value = FIELDS[screen.field].secret ? this.s.secret.take() : screen.input;
		const problem = fieldProblem(screen.field, value);
		if (problem) {
			store.set({screen: {...screen, length: 0, error: `Not that: ${problem}.`}});
			return;
		}
		switch (screen.field) {
			case 'host': {
				const {select, realFlags} = this.s.options;
				this.s.chosenTarget = {kind: 'remote', host: value.trim(), ...realFlags, ...(select ? {select} : {})};
				return this.openTarget();
			}
			case 'username':
				this.account.username = value.trim();
				return this.askField('domain');
			case 'domain':
				this.account.domain = value.trim();
				return this.askField('password');
			case 'password': {
				store.set({screen: {name: 'loading', message: 'Keeping the account in a private file…'}});
				const {temporaryCredentialsFile} = await operations();
				await this.dispose(); // the file of an earlier try (a mistyped password) goes before a new one is written
				const file = await temporaryCredentialsFile({
					username: this.account.username ?? '',
					password: value,
					...(this.account.domain ? {domain: this.account.domain} : {}),
				});
				this.removeCredentials = file.remove;
				const chosen = this.s.chosenTarget;
				if (chosen?.kind !== 'remote') return this.askField('host');
				this.s.chosenTarget = {...chosen, credentialsFile: file.path, credentialsTyped: true};
				return this.openTarget();
			}
			case 'servers':
				return this.s.handovers.chooseBinderyServers(serverNames(value));
		}
	}

	/** The temporary authentication file, if one was written, and the target's lock: released whenever the wizard ends. */
	async dispose(): Promise<void> {
		const remove = this.removeCredentials;
		this.removeCredentials = undefined;
		await remove?.();
		const release = this.releaseLock;
		this.releaseLock = undefined;
		await release?.();
	}
}

/**
 * What the resume screen says in place of the last command, for a run that journaled none: without implying
 * that nothing was done, which finished steps were the admin's by hand (manual steps) and which the tool's own
 * with no command to show (the lab's NetWare steps).
 */
export function noCommandSentence(finished: readonly string[], steps: readonly {title: string; manual?: boolean | undefined}[]): string {
	const manual = new Set(steps.filter(s => s.manual).map(s => s.title));
	const byHand = finished.filter(t => manual.has(t));
	const byTool = finished.filter(t => !manual.has(t));
	if (byHand.length === 0 && byTool.length === 0) return 'none: its journal records no command sent to the target.';
	// The finished steps are named on the screen (its ✓ lines, or `?` where the rows are short) and in the step list: this names only the exceptions.
	const hand = 'done by hand, as the tool directed';
	const tool = 'done by the tool itself, with no command to show';
	const [most, fewer, other] = byHand.length >= byTool.length ? [hand, byTool, tool] : [tool, byHand, hand];
	const except = fewer.length ? `, but for ${fewer.join('; ')}: ${other}` : '';
	return `none sent to the target; the finished steps were ${most}${except}.`;
}
