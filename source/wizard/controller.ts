/**
 * The wizard's logic, free of Ink: it holds the state the screens draw, takes the admin's intents
 * (choose, type, confirm, back, quit) and runs the steps. The UI subscribes and forwards keys.
 */
import {mkdtemp} from 'node:fs/promises';
import {homedir, tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import type {WizardOptions} from '../app/options.js';
import {EXIT} from '../errors/exit-codes.js';
import {HintedError} from '../errors/hinted-error.js';
import type {UnfinishedRun} from '../journal/journal.js';
import {LAB_DEFAULTS} from '../lab/options.js';
import type {Target} from '../targets/capabilities.js';
import type {Check} from '../targets/preflight.js';
import type {CommandEvent} from '../targets/run-command.js';
import type {SyncEvent} from '../services/synchronization.js';
import type {ProcedureRun, RunHooks, StepOutcome} from '../procedure/procedure-run.js';
import type {ReconstructPlan, ReconstructRun} from '../procedure/reconstruct-run.js';
import type {RestoreRun} from '../procedure/restore-run.js';
import {runStanding} from '../procedure/run-standing.js';
import {FIELDS, fieldProblem, serverNames, type FieldName} from './fields.js';
import type {LogLine, Progress, Screen, ServerProgress, WizardState} from './state.js';

export type ControllerDeps = {
	/** Where a new practice lab goes when the admin picks it without --lab. */
	makeLabFolder?: () => Promise<string>;
	now?: () => number;
	/** How often progress may be redrawn, at most. */
	progressIntervalMs?: number;
	/** How often the synchronization view may be redrawn: every row changes each time, so less often. */
	syncIntervalMs?: number;
	/** Which system this runs on: it decides how a remote server is reached (sc.exe, or Samba). */
	platform?: NodeJS.Platform;
};

/** The wizard's heavy half (validation, discovery, the lab, the run), loaded after the first frame. */
const operations = () => import('./operations.js');

export class WizardController {
	private state: WizardState = {screen: {name: 'loading', message: 'Starting…'}, log: [], commands: [], busy: false, leaving: false};
	private readonly listeners = new Set<() => void>();
	private target?: Target;
	private run?: ProcedureRun;
	/** The reconstruct flow's answers, gathered before its run begins. */
	private plan: Partial<ReconstructPlan> = {};
	/** The initial password while it is typed and confirmed: in memory only, never in the drawn state. */
	private typedPassword = '';
	private firstPassword?: string;
	/** A secret field (the remote account's password) while it is typed: never in the drawn state. */
	private typedSecret = '';
	/** The remote account typed in the wizard, until its private authentication file is written. */
	private account: {username?: string; domain?: string} = {};
	/** The practice lab this session created, if any. */
	private createdLab?: string;
	/** Removes the temporary authentication file written for this session, if any. */
	private removeCredentials?: () => Promise<void>;
	private logId = 0;
	private pendingNotify?: NodeJS.Timeout;
	private lastNotify = 0;
	private readonly history: Screen[] = [];
	private readonly deps: Required<ControllerDeps>;

	constructor(
		private readonly options: WizardOptions,
		deps: ControllerDeps = {},
	) {
		this.deps = {
			makeLabFolder: deps.makeLabFolder ?? (() => mkdtemp(join(tmpdir(), 'dsmn-resync-lab-'))),
			now: deps.now ?? Date.now,
			progressIntervalMs: deps.progressIntervalMs ?? 100,
			syncIntervalMs: deps.syncIntervalMs ?? deps.progressIntervalMs ?? 700,
			platform: deps.platform ?? process.platform,
		};
	}

	// ——— subscription (useSyncExternalStore) ———

	/**
	 * What the screens draw: the state as of the last notification. Progress between two redraws changes
	 * only the working state, so React never sees a snapshot change without being told (which would make
	 * it render again on its own, and the terminal would get twice the frames).
	 */
	private published: WizardState = this.state;

	getState = (): WizardState => this.published;

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	private set(patch: Partial<WizardState>, mode: 'now' | 'throttled' | 'sync' = 'now'): void {
		// A notice belongs to the screen it was said on.
		if (patch.screen && patch.screen.name !== this.state.screen.name && !('notice' in patch)) {
			patch = {...patch, notice: this.noticeForNextScreen};
			this.noticeForNextScreen = undefined;
		}
		this.state = {...this.state, ...patch};
		if (mode === 'now') {
			if (this.pendingNotify) clearTimeout(this.pendingNotify);
			this.pendingNotify = undefined;
			this.emit();
			return;
		}
		const interval = mode === 'sync' ? this.deps.syncIntervalMs : this.deps.progressIntervalMs;
		const wait = this.lastNotify + interval - this.deps.now();
		if (wait <= 0) this.emit();
		else this.pendingNotify ??= setTimeout(() => this.emit(), wait);
	}

	private emit(): void {
		this.published = this.state;
		this.pendingNotify = undefined;
		this.lastNotify = this.deps.now();
		for (const listener of this.listeners) listener();
	}

	private go(screen: Screen, remember = true): void {
		if (remember && this.state.screen.name !== 'loading') this.history.push(this.state.screen);
		this.set({screen, overlay: undefined});
	}

	private log(tone: LogLine['tone'], text: string): void {
		this.set({log: [...this.state.log, {id: ++this.logId, tone, text}]});
	}

	private onCommand = (event: CommandEvent): void => {
		if (event.phase !== 'start' || this.state.commands.at(-1) === event.command) return;
		this.set({commands: [...this.state.commands, event.command].slice(-3)}, 'throttled');
	};

	// ——— start ———

	async start(): Promise<void> {
		// Parse the heavy half while the admin reads the first screen.
		setImmediate(() => void operations().catch(() => {}));
		if (this.options.target) {
			await this.openTarget();
			return;
		}
		this.go({name: 'target'}, false);
	}

	async chooseTarget(kind: 'lab' | 'windows' | 'remote'): Promise<void> {
		if (kind === 'windows') {
			if (this.deps.platform !== 'win32') {
				this.set({
					screen: {
						name: 'target',
						note: 'This is not a Windows machine: choose "A remote NT server" (a real recovery always is: dsmn-resync cannot run on the NT server itself).',
					},
				});
				return;
			}
			this.options.target = 'windows';
			return this.openTarget();
		}
		if (kind === 'remote') {
			this.options.target = 'remote';
			// Until the server answers, the header names no target (not the lab of an earlier choice).
			this.set({targetDescription: undefined});
			return this.askField('host');
		}
		// The lab this session created already, when the admin comes back to it: never a second one.
		if (!this.createdLab) {
			this.go({name: 'loading', message: 'Creating a practice lab…'});
			const dir = await this.deps.makeLabFolder();
			const {createLab} = await operations();
			await createLab(dir, LAB_DEFAULTS);
			this.createdLab = dir;
			this.log('info', `Created a practice lab in ${dir}`);
		}
		this.options.target = 'lab';
		this.options.lab = this.createdLab;
		await this.openTarget();
	}

	private async openTarget(): Promise<void> {
		// From Linux or macOS, Samba needs an account: asked once, kept only in a private temporary file.
		// SYNCAGNT is reached through smbclient unless --syncagnt names a mounted share.
		if (this.options.target === 'remote' && this.deps.platform !== 'win32') {
			if (!this.options.host) return this.askField('host');
			if (!this.options.credentialsFile) return this.askField('username');
		}
		this.set({screen: {name: 'loading', message: 'Looking at the target…'}});
		const {resolveTarget, findUnfinishedRun, RestoreRun, ReconstructRun, removeStaleProbes, TargetLock, lockKey, ownerOf} = await operations();
		try {
			this.target = await resolveTarget(this.options);
			// One run per target: held while the wizard has this target open, released by the OS if it dies.
			await this.releaseLock?.();
			const lock = await TargetLock.acquire(lockKey(this.target), this.target.journalDir, this.target.description, 'the wizard');
			this.releaseLock = () => lock.release();
		} catch (error) {
			this.target = undefined;
			this.set({
				screen: {
					name: 'summary',
					title: 'Cannot open the target',
					lines: [(error as Error).message, ...(error instanceof HintedError && error.hint ? [error.hint] : [])],
					ok: false,
					exit: EXIT.failed,
					back: true,
				},
			});
			return;
		}
		this.set({targetDescription: this.target.description});
		await removeStaleProbes(this.target.database);
		let unfinished: UnfinishedRun | undefined;
		try {
			unfinished = await findUnfinishedRun(this.target.journalDir, ownerOf(this.target));
		} catch (error) {
			this.set({
				screen: {
					name: 'summary',
					title: 'A journal cannot be read',
					lines: [(error as Error).message, 'Nothing was changed. Move that file out of the journal folder if it is not needed, then start again.'],
					ok: false,
					exit: EXIT.failed,
				},
			});
			return;
		}
		if (unfinished) {
			this.run = unfinished.start.flow === 'restore' ? await RestoreRun.resume(this.target, unfinished) : await ReconstructRun.resume(this.target, unfinished);
			this.history.length = 0;
			this.showResume(unfinished);
			return;
		}
		await this.inspect();
	}

	/** The unfinished run as the journal has it: when it began, what it restores, how it was left. */
	private resumeScreen?: Screen;

	private showResume(unfinished: UnfinishedRun): void {
		const run = this.run!;
		const next = run.nextStep();
		const standing = runStanding(unfinished.entries);
		const about = standing.step ?? standing.during;
		this.resumeScreen = {
			name: 'resume',
			journal: unfinished.path,
			finished: run.finishedSteps().map(s => this.title(s)),
			flow: unfinished.start.flow,
			started: unfinished.start.at,
			...(unfinished.start.backup ? {backup: unfinished.start.backup} : {}),
			standing,
			...(about ? {standingTitle: this.title(about)} : {}),
			canRollback: run.canRollback,
			rollbackBegan: run.rollbackBegan(),
			...(next ? {next: this.title(next)} : {}),
		};
		this.set({steps: this.stepList(), screen: this.resumeScreen});
	}

	private title(step: string): string {
		if (step === 'rollback') return 'Roll back';
		return this.run?.steps().find(s => s.id === step)?.title ?? step;
	}

	private async inspect(): Promise<void> {
		const target = this.target!;
		this.set({screen: {name: 'loading', message: 'Looking at the target…'}});
		const {RestoreRun, preflight} = await operations();
		const servers = await target.servers.list();
		const files = await RestoreRun.countFiles(target).catch(() => 0);
		let state: string;
		let checks: Check[] = [];
		if (target.kind === 'lab') {
			const service = await target.service.query({onCommand: this.onCommand});
			state = service.ok ? service.state : `unknown (${service.error.meaning})`;
		} else {
			// On a real server, say plainly what works and what does not before any step is offered.
			checks = await preflight(target, {onCommand: this.onCommand});
			state = checks.find(c => c.name === 'service')?.state ?? 'unknown (see below)';
		}
		this.go({name: 'inspect', syncagnt: target.database.syncagnt, service: state, servers, files, real: target.kind !== 'lab', checks}, false);
	}

	// ——— the target's details, asked when not given as flags ———

	private askField(field: FieldName, error?: string): void {
		this.typedSecret = '';
		const input = field === 'host' ? (this.options.host ?? '') : '';
		this.go({name: 'target-field', field, input, length: 0, ...(error ? {error} : {})});
	}

	private async submitField(): Promise<void> {
		const screen = this.state.screen;
		if (screen.name !== 'target-field') return;
		const secret = FIELDS[screen.field].secret;
		const value = secret ? this.typedSecret : screen.input;
		const problem = fieldProblem(screen.field, value);
		if (problem) {
			this.typedSecret = '';
			this.set({screen: {...screen, length: 0, error: `Not that: ${problem}.`}});
			return;
		}
		switch (screen.field) {
			case 'host':
				this.options.host = value.trim();
				return this.openTarget();
			case 'username':
				this.account.username = value.trim();
				return this.askField('domain');
			case 'domain':
				this.account.domain = value.trim();
				return this.askField('password');
			case 'password': {
				this.typedSecret = '';
				this.set({screen: {name: 'loading', message: 'Keeping the account in a private file…'}});
				const {temporaryCredentialsFile} = await operations();
				await this.dispose(); // the file of an earlier try (a mistyped password) goes before a new one is written
				const file = await temporaryCredentialsFile({
					username: this.account.username!,
					password: value,
					...(this.account.domain ? {domain: this.account.domain} : {}),
				});
				this.removeCredentials = file.remove;
				this.options.credentialsFile = file.path;
				this.options.credentialsTyped = true;
				return this.openTarget();
			}
			case 'servers':
				return this.chooseBinderyServers(serverNames(value));
		}
	}

	/** The temporary authentication file, if one was written: removed whenever the wizard ends. */
	async dispose(): Promise<void> {
		const remove = this.removeCredentials;
		this.removeCredentials = undefined;
		await remove?.();
		const release = this.releaseLock;
		this.releaseLock = undefined;
		await release?.();
	}

	/** Releases this target's lock (the wizard holds it while the target is open). */
	private releaseLock?: () => Promise<void>;

	// ——— intents: the questions ———

	async continueFromInspect(choice: 'continue' | 'again' | 'leave' | 'synchronize' = 'continue'): Promise<void> {
		if (choice === 'again') return this.inspect();
		if (choice === 'leave') {
			this.set({
				screen: {
					name: 'summary',
					title: 'The target is not ready',
					ok: false,
					exit: EXIT.failed,
					lines: ['Nothing was changed. Fix what is marked, then start dsmn-resync again.'],
				},
				exit: EXIT.failed,
			});
			return;
		}
		if (choice === 'synchronize') return this.askSynchronizeOnly();
		this.go({name: 'ask-backup'});
	}

	// ——— "Synchronize all servers" alone ———

	private async askSynchronizeOnly(): Promise<void> {
		const {describeSynchronizeOnly, SYNCHRONIZE_ONLY} = await operations();
		const {changes, manual} = await describeSynchronizeOnly(this.target!);
		if (manual) {
			// The tool cannot press the button on a real server: the instructions, and nothing to resume.
			this.go({
				name: 'summary',
				title: 'Your turn: Synchronize all servers in Synchronization Manager',
				ok: true,
				exit: EXIT.ok,
				lines: [...changes, 'Nothing was changed by dsmn-resync.'],
			});
			return;
		}
		this.go({
			name: 'confirm',
			step: SYNCHRONIZE_ONLY.step,
			title: SYNCHRONIZE_ONLY.title,
			help: {why: SYNCHRONIZE_ONLY.why, kb: SYNCHRONIZE_ONLY.kb},
			changes,
			typed: '',
		});
	}

	/** Set once "Synchronize all servers" alone has begun: leaving part way says so. */
	private synchronizedAlone = false;

	private async runSynchronizeOnly(): Promise<void> {
		const {synchronizeOnly, SYNCHRONIZE_ONLY} = await operations();
		const step = SYNCHRONIZE_ONLY.step;
		this.synchronizedAlone = true;
		this.stepAbort = new AbortController();
		this.set({busy: true, screen: {name: 'running', step, title: SYNCHRONIZE_ONLY.title, progress: {kind: 'none'}}});
		let outcome;
		try {
			outcome = await synchronizeOnly(this.target!, {...this.hooks(step), stopRequested: () => this.state.leaving});
		} finally {
			this.set({busy: false});
		}
		if (outcome.status === 'interrupted' || this.state.leaving) return this.leave();
		if (outcome.status === 'done') {
			this.log('ok', `${SYNCHRONIZE_ONLY.title}: ${outcome.summary}`);
			this.set({
				screen: {
					name: 'summary',
					title: 'Done: every server shows a blue check',
					ok: true,
					exit: EXIT.ok,
					lines: [`${outcome.summary}. Nothing else was changed.`],
				},
			});
			return;
		}
		const message = outcome.status === 'failed' ? outcome.message : 'it did not finish';
		this.log('error', `${SYNCHRONIZE_ONLY.title} failed: ${message}`);
		this.set({
			screen: {
				name: 'summary',
				title: 'Synchronized, but not every server',
				ok: false,
				exit: EXIT.failed,
				lines: [
					message,
					...(outcome.status === 'failed' ? [`What to do: ${outcome.advice}`] : []),
					'Then start dsmn-resync again and choose "Only synchronize all servers". Nothing else was changed.',
				],
			},
		});
	}

	async answerBackup(answer: 'yes' | 'no' | 'unsure'): Promise<void> {
		if (answer === 'no') return this.startReconstruct();
		if (answer === 'unsure') {
			this.go({name: 'discover', input: this.defaultSearchRoot(), searching: false});
			return;
		}
		const {discoverBackups} = await operations();
		const suggestions = await discoverBackups([this.defaultSearchRoot()], {maxDepth: 3, liveSyncagnt: this.target!.database.syncagnt});
		const usable = suggestions.filter(s => !s.live);
		const prefill = usable.find(s => !s.madeByTool)?.folder;
		this.go({name: 'choose-backup', input: this.options.backup ?? prefill ?? '', candidates: [], suggestions: usable});
	}

	private defaultSearchRoot(): string {
		return this.target?.kind === 'lab' ? this.target.location : process.cwd();
	}

	typeText(text: string): void {
		const screen = this.state.screen;
		if (screen.name === 'choose-backup' || screen.name === 'discover')
			this.set({screen: {...screen, input: screen.input + text, ...(screen.name === 'choose-backup' ? {error: undefined} : {})}});
		else if (screen.name === 'passwords-file') this.set({screen: {...screen, input: screen.input + text, error: undefined}});
		else if (screen.name === 'target-field' && FIELDS[screen.field].secret) {
			this.typedSecret = (this.typedSecret + text).slice(0, 256);
			this.set({screen: {...screen, length: this.typedSecret.length, error: undefined}});
		} else if (screen.name === 'target-field') this.set({screen: {...screen, input: (screen.input + text).slice(0, 1024), error: undefined}});
		else if (screen.name === 'confirm') this.set({screen: {...screen, typed: (screen.typed + text).slice(0, 48), error: undefined}});
		else if (screen.name === 'password-entry') {
			this.typedPassword = (this.typedPassword + text).slice(0, 64);
			this.set({screen: {...screen, length: this.typedPassword.length, error: undefined}});
		}
	}

	eraseText(): void {
		const screen = this.state.screen;
		if (screen.name === 'choose-backup' || screen.name === 'discover' || screen.name === 'passwords-file')
			this.set({screen: {...screen, input: screen.input.slice(0, -1)}});
		else if (screen.name === 'target-field' && FIELDS[screen.field].secret) {
			this.typedSecret = this.typedSecret.slice(0, -1);
			this.set({screen: {...screen, length: this.typedSecret.length}});
		} else if (screen.name === 'target-field') this.set({screen: {...screen, input: screen.input.slice(0, -1)}});
		else if (screen.name === 'confirm') this.set({screen: {...screen, typed: screen.typed.slice(0, -1)}});
		else if (screen.name === 'password-entry') {
			this.typedPassword = this.typedPassword.slice(0, -1);
			this.set({screen: {...screen, length: this.typedPassword.length}});
		}
	}

	async complete(): Promise<void> {
		const screen = this.state.screen;
		const completes =
			screen.name === 'choose-backup' ||
			screen.name === 'discover' ||
			screen.name === 'passwords-file' ||
			(screen.name === 'target-field' && FIELDS[screen.field].completes);
		if (!completes) return;
		const {completePath} = await operations();
		const {completed, candidates} = await completePath(screen.input);
		const now = this.state.screen;
		if (now.name === 'choose-backup') this.set({screen: {...now, input: completed, candidates}});
		else if (now.name === 'discover' || now.name === 'passwords-file' || now.name === 'target-field') this.set({screen: {...now, input: completed}});
	}

	async submitText(): Promise<void> {
		const screen = this.state.screen;
		if (screen.name === 'choose-backup') {
			if (screen.input.trim() === '') {
				this.set({screen: {...screen, error: 'Type the folder that holds the backup (Tab completes), or pick one found below.'}});
				return;
			}
			await this.chooseBackup(screen.input.trim());
		} else if (screen.name === 'discover') {
			this.set({screen: {...screen, searching: true, results: undefined}});
			const {discoverBackups} = await operations();
			const results = await discoverBackups([screen.input.trim() || '.'], {maxDepth: 5, liveSyncagnt: this.target!.database.syncagnt});
			this.set({screen: {...screen, searching: false, results}});
		} else if (screen.name === 'confirm' && screen.word && screen.typed === screen.word) {
			await this.runConfirmed(screen.step);
		} else if (screen.name === 'confirm' && screen.word) {
			this.set({screen: {...screen, typed: '', error: confirmationMismatch(screen.word, screen.typed)}});
		} else if (screen.name === 'password-entry') {
			await this.submitPassword();
		} else if (screen.name === 'passwords-file') {
			await this.submitPasswordsFile(screen.input.trim());
		} else if (screen.name === 'target-field') {
			await this.submitField();
		}
	}

	async chooseBackup(folder: string): Promise<void> {
		this.go({name: 'loading', message: `Checking ${folder}…`});
		const {validateBackup} = await operations();
		const report = await validateBackup(resolve(folder), {liveSyncagnt: this.target!.database.syncagnt});
		this.set({screen: {name: 'validation', report}});
	}

	async acceptValidation(): Promise<void> {
		const screen = this.state.screen;
		if (screen.name !== 'validation' || !screen.report.valid) return;
		this.plan = {};
		this.restoreBackup = screen.report.folder;
		const {RESTORE_STEPS} = await operations();
		this.go({
			name: 'plan',
			flow: 'restore',
			steps: RESTORE_STEPS.map(s => `${s.title}${s.confirmation.kind === 'typed' ? ` (you will type ${s.confirmation.word})` : ''}`),
			lines: [
				`Backup: ${screen.report.folder}`,
				`The current files will be kept in ${this.target!.database.files.join(this.target!.database.snapshotParent, 'SYNCAGNT.before-restore-…')}`,
				`Journal: ${this.target!.journalDir}`,
			],
		});
	}

	private restoreBackup?: string;
	/** The plan the run began from, and the screens before it: Esc at the first confirmation goes back there. */
	private planScreen?: Screen;
	private planHistory: Screen[] = [];
	/** A step ran (or was confirmed, or rolled back) since this wizard opened the run. */
	private actedSinceOpen = false;

	// ——— the reconstruct flow's questions ———

	private async startReconstruct(): Promise<void> {
		const target = this.target!;
		const {serviceProblem, earlierPasswordLists, earlierListsWarning} = await operations();
		// Before anything changes: the reconstruct needs MSSYNC running ("Add Server to Manage").
		const service = await target.service.query({onCommand: this.onCommand});
		const problem = service.ok ? serviceProblem('reconstruct', service.state, target) : `MSSYNC does not answer: ${service.error.meaning}`;
		if (problem) {
			this.set({
				screen: {
					name: 'summary',
					title: 'Not ready to reconstruct: nothing was changed',
					ok: false,
					exit: EXIT.failed,
					lines: [problem, ...(service.ok ? [] : [service.error.advice])],
				},
			});
			return;
		}
		const servers = await target.servers.list();
		const ops = target.servers.reconstruct;
		const users = ops ? (await ops.propagatedUsers()).length : undefined;
		const warnings = earlierListsWarning(await earlierPasswordLists(target));
		this.go({
			name: 'consequences',
			servers: servers.filter(s => !s.synchronized).map(s => s.name),
			...(users === undefined ? {} : {users}),
			...(warnings.length ? {warnings} : {}),
		});
	}

	async acceptConsequences(): Promise<void> {
		const servers = await this.target!.servers.list();
		// A real server's list is in Synchronization Manager, out of reach: the admin names them.
		if (servers.length === 0) return this.askField('servers');
		const lab = this.target!.kind === 'lab';
		const preselected = this.options.select ?? servers.filter(s => !s.synchronized).map(s => s.name);
		this.go({
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

	moveCursor(delta: number): void {
		const screen = this.state.screen;
		if (screen.name !== 'multi-select') return;
		const cursor = (screen.cursor + delta + screen.items.length) % screen.items.length;
		this.set({screen: {...screen, cursor}});
	}

	toggleSelected(): void {
		const screen = this.state.screen;
		if (screen.name !== 'multi-select') return;
		const value = screen.items[screen.cursor]!.value;
		const selected = screen.selected.includes(value) ? screen.selected.filter(v => v !== value) : [...screen.selected, value];
		this.set({screen: {...screen, selected: screen.items.map(i => i.value).filter(v => selected.includes(v)), error: undefined}});
	}

	async submitSelection(): Promise<void> {
		const screen = this.state.screen;
		if (screen.name !== 'multi-select') return;
		if (screen.purpose === 'servers') {
			if (screen.selected.length === 0) {
				this.set({screen: {...screen, error: 'Choose at least one server (Space), then Enter.'}});
				return;
			}
			return this.chooseBinderyServers(screen.selected);
		}
		const ops = this.target!.servers.reconstruct;
		for (const server of screen.selected) {
			const check = ops ? await ops.checkBinderyBackup(server) : undefined;
			if (check && !check.ok) {
				this.set({screen: {...screen, error: `${server}'s bindery backup cannot be used: ${check.problems.join('; ')}. Leave it unchosen.`}});
				return;
			}
		}
		this.plan.restoreBindery = screen.selected;
		// On a real server the admin sets the passwords by hand, in User Manager for Domains: nothing to ask.
		if (!ops) {
			this.plan.passwordPolicy = 'random';
			return this.showReconstructPlan();
		}
		if (this.options.passwordPolicy) return this.choosePasswordPolicy(this.options.passwordPolicy);
		this.go({name: 'password-policy'});
	}

	/** The second question: restore which servers' binderies (optional), with what each would lose. */
	private async chooseBinderyServers(servers: string[]): Promise<void> {
		this.plan.servers = servers;
		const ops = this.target!.servers.reconstruct;
		const items = [];
		for (const server of servers) {
			const check = ops ? await ops.checkBinderyBackup(server) : undefined;
			items.push({
				value: server,
				label: !check
					? `${server.padEnd(10)} with BINDREST on the server (you will be told how)`
					: check.ok
						? `${server.padEnd(10)} backup of ${check.taken?.toISOString().slice(0, 10) ?? '?'}: ${check.usersInBackup} users; ${check.usersLost.length} users would be lost`
						: `${server.padEnd(10)} no usable bindery backup (${check.problems[0]})`,
			});
		}
		this.go({
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
			this.typedPassword = '';
			this.firstPassword = undefined;
			this.go({name: 'password-entry', stage: 'first', length: 0});
			return;
		}
		this.askPasswordsFile();
	}

	private askPasswordsFile(): void {
		const suggestion = this.options.passwordsFile ?? join(homedir(), `dsmn-resync-passwords-${new Date().toISOString().slice(0, 10)}.txt`);
		this.go({name: 'passwords-file', input: suggestion});
	}

	private async submitPassword(): Promise<void> {
		const screen = this.state.screen;
		if (screen.name !== 'password-entry') return;
		const {initialPasswordProblem} = await operations();
		if (screen.stage === 'first') {
			const problem = initialPasswordProblem(this.typedPassword);
			if (problem) {
				this.typedPassword = '';
				this.set({screen: {...screen, length: 0, error: `Not that one: ${problem}.`}});
				return;
			}
			this.firstPassword = this.typedPassword;
			this.typedPassword = '';
			this.set({screen: {name: 'password-entry', stage: 'second', length: 0}});
			return;
		}
		if (this.typedPassword !== this.firstPassword) {
			this.typedPassword = '';
			this.firstPassword = undefined;
			this.set({screen: {name: 'password-entry', stage: 'first', length: 0, error: 'The two did not match. Type it again.'}});
			return;
		}
		const password = this.typedPassword;
		this.typedPassword = '';
		this.firstPassword = undefined;
		// A run that was resumed needs it now; a new one keeps it until the run begins.
		const run = this.run as ReconstructRun | undefined;
		if (run?.flow === 'reconstruct' && run.needsInitialPassword()) {
			run.provideInitialPassword(password);
			return this.confirmNext();
		}
		this.initialPassword = password;
		this.askPasswordsFile();
	}

	private initialPassword?: string;

	private async submitPasswordsFile(path: string): Promise<void> {
		const screen = this.state.screen;
		if (screen.name !== 'passwords-file') return;
		const {passwordsFileProblem} = await operations();
		const forbidden = this.target!.kind === 'lab' ? [this.target!.location] : [this.target!.database.syncagnt];
		const problem = await passwordsFileProblem(path, forbidden);
		if (problem) {
			this.set({screen: {...screen, error: `Not there: ${problem}.`}});
			return;
		}
		this.plan.passwordsFile = resolve(path);
		await this.showReconstructPlan();
	}

	private async showReconstructPlan(): Promise<void> {
		const plan = this.plan as ReconstructPlan;
		const byHand = !this.target!.servers.reconstruct;
		const {reconstructSteps} = await operations();
		const preview = reconstructSteps(plan.servers, plan.restoreBindery).map(
			s => `${s.title}${byHand ? ' (by you, with instructions)' : s.confirmation.kind === 'typed' ? ` (you will type ${s.confirmation.word})` : ''}`,
		);
		this.go({
			name: 'plan',
			flow: 'reconstruct',
			steps: preview,
			lines: [
				byHand
					? 'On a real server each NetWare step is yours: the tool gives the exact instructions and records each step once you say it is done.'
					: `New passwords: ${plan.passwordPolicy === 'random' ? 'a random one per user' : 'one initial password, to change at next logon'}, listed in ${plan.passwordsFile}`,
				`Journal: ${this.target!.journalDir}`,
				'You need NetWare Supervisor rights on each server.',
			],
		});
	}

	// ——— the run ———

	async startPlan(): Promise<void> {
		const screen = this.state.screen;
		if (screen.name !== 'plan') return;
		const {RestoreRun, ReconstructRun} = await operations();
		if (screen.flow === 'restore') {
			this.run = await RestoreRun.begin(this.target!, this.restoreBackup!, {onCommand: this.onCommand});
		} else {
			const run = await ReconstructRun.begin(this.target!, this.plan as ReconstructPlan);
			if (this.initialPassword !== undefined) run.provideInitialPassword(this.initialPassword);
			this.initialPassword = undefined;
			this.run = run;
		}
		this.planScreen = screen;
		this.planHistory = [...this.history];
		this.history.length = 0;
		this.log('info', `Journal: ${this.run.journalPath}`);
		this.set({steps: this.stepList()});
		await this.confirmNext();
	}

	private stepList(failed?: string, running?: string): WizardState['steps'] {
		const done = new Set(this.run?.finishedSteps() ?? []);
		return this.run
			?.steps()
			.map(s => ({id: s.id, title: s.title, status: s.id === running ? 'running' : s.id === failed ? 'failed' : done.has(s.id) ? 'done' : 'pending'}));
	}

	/** Shows the confirmation of the next step, naming exactly what it will change. */
	async confirmNext(): Promise<void> {
		const run = this.run!;
		const step = run.nextStep();
		if (!step) {
			await this.finish();
			return;
		}
		if (step === 'set-passwords' && run.flow === 'reconstruct' && (run as ReconstructRun).needsInitialPassword()) {
			this.typedPassword = '';
			this.set({
				steps: this.stepList(),
				screen: {
					name: 'password-entry',
					stage: 'first',
					length: 0,
					error: 'The run was cut off before the passwords were set: type the initial password again (it is never stored).',
				},
			});
			return;
		}
		const info = run.steps().find(s => s.id === step)!;
		if (info.manual) {
			// Nothing for the tool to confirm: it cannot do this step. The instructions, then the admin's word.
			const outcome = run.awaitingManual(step) ? undefined : await run.execute(step, this.hooks(step));
			if (outcome && outcome.status !== 'manual') return this.afterStep(step, info.title, outcome);
			const instructions = outcome?.instructions ?? (await run.describeChanges(step));
			// "Synchronize all servers" by hand: a timer, and the servers to tick as their blue checks appear.
			const watch =
				step === 'synchronize'
					? {checklist: {items: (await this.serverNames()).map(name => ({name, ticked: false})), cursor: 0}, startedAt: this.deps.now()}
					: {};
			this.set({
				steps: this.stepList(undefined, step),
				screen: {name: 'manual', step, title: info.title, help: {why: info.why, kb: info.kb}, instructions, ...watch},
				overlay: undefined,
			});
			return;
		}
		const changes = await run.describeChanges(step);
		this.set({
			steps: this.stepList(),
			screen: {
				name: 'confirm',
				step,
				title: info.title,
				help: {why: info.why, kb: info.kb},
				changes,
				typed: '',
				...(info.confirmation.kind === 'typed' ? {word: info.confirmation.word} : {}),
				...(info.confirmation.kind === 'choice' ? {choice: {yes: info.confirmation.yes, no: info.confirmation.no}} : {}),
			},
			overlay: undefined,
		});
	}

	/** y, or Enter on "Yes", or the typed word. */
	async confirm(): Promise<void> {
		const screen = this.state.screen;
		if (screen.name !== 'confirm') return;
		if (screen.word && screen.typed !== screen.word) return;
		await this.runConfirmed(screen.step);
	}

	private async runConfirmed(step: string): Promise<void> {
		if (step === 'synchronize-only') await this.runSynchronizeOnly();
		else if (step === 'rollback') await this.rollback();
		else await this.runStep(step);
	}

	private hooks(step: string, only?: readonly string[]): RunHooks {
		return {
			onCommand: this.onCommand,
			stopRequested: () => this.state.leaving,
			signal: this.stepAbort.signal,
			...(only ? {only} : {}),
			onPoll: state => this.setProgress(step, {kind: 'service', state}),
			onCopyProgress: e => {
				const current = this.state.screen;
				const startedAt = current.name === 'running' && current.progress.kind === 'copy' ? current.progress.startedAt : this.deps.now();
				this.setProgress(step, {kind: 'copy', ...e, startedAt});
			},
			onCountProgress: e => this.setProgress(step, {kind: 'count', ...e}),
			onSync: e => this.onSync(step, e),
		};
	}

	private setProgress(step: string, progress: Progress): void {
		this.set({screen: {name: 'running', step, title: this.title(step), progress}}, progress.kind === 'sync' ? 'sync' : 'throttled');
	}

	private syncRows: ServerProgress[] = [];
	private syncStarted = 0;

	private onSync(step: string, event: SyncEvent): void {
		if (event.type === 'plan') {
			this.syncRows = event.servers.map(s => ({name: s.name, total: s.total, done: 0, state: 'waiting'}));
			this.syncStarted = this.deps.now();
		} else {
			const row = this.syncRows.find(r => r.name === event.server);
			if (!row) return;
			if (event.type === 'server-started') row.state = 'synchronizing';
			else if (event.type === 'progress') row.done = event.done;
			else if (event.type === 'server-finished') Object.assign(row, {state: 'done', done: event.done});
			else Object.assign(row, {state: 'failed', reason: event.reason});
		}
		// The rows are mutated in place; the view reads them at most a few times a second.
		this.setProgress(step, {kind: 'sync', servers: this.syncRows, startedAt: this.syncStarted});
	}

	/** Aborted when the admin leaves (or the terminal goes away) while a step runs. */
	private stepAbort = new AbortController();

	private async runStep(step: string, only?: readonly string[]): Promise<void> {
		this.actedSinceOpen = true;
		const title = this.title(step);
		this.stepAbort = new AbortController();
		this.set({busy: true, steps: this.stepList(undefined, step), screen: {name: 'running', step, title, progress: {kind: 'none'}}});
		const outcome = await this.run!.execute(step, this.hooks(step, only));
		this.set({busy: false});
		await this.afterStep(step, title, outcome);
	}

	private async afterStep(step: string, title: string, outcome: StepOutcome): Promise<void> {
		if (outcome.status === 'done') {
			this.log('ok', `${title}: ${outcome.summary}`);
			if (this.state.leaving) return this.leave();
			await this.confirmNext();
			return;
		}
		if (outcome.status === 'interrupted') {
			this.log('warning', `${title}: ${outcome.message}`);
			return this.leave();
		}
		if (outcome.status === 'manual') return this.confirmNext();
		this.log('error', `${title} failed: ${outcome.message}`);
		if (this.state.leaving) return this.leave();
		const failedServers = outcome.sync?.filter(r => !r.ok).map(r => r.server);
		this.set({
			steps: this.stepList(step),
			screen: {
				name: 'failure',
				step,
				title,
				message: outcome.message,
				advice: outcome.advice,
				canRollback: this.run!.canRollback,
				...(failedServers?.length ? {failedServers} : {}),
			},
		});
	}

	/** On a manual step: the admin has done it (I have done it), or will later (leave; the run waits in the journal). */
	async manualChoice(choice: 'done' | 'later'): Promise<void> {
		const screen = this.state.screen;
		if (screen.name !== 'manual') return;
		if (choice === 'later') {
			this.set({
				screen: {
					name: 'summary',
					title: `Waiting for you: ${screen.title}`,
					ok: false,
					exit: EXIT.manual,
					lines: this.whereThingsAre(['Do the step as instructed, then start dsmn-resync again on this target and confirm it.']),
				},
			});
			this.exitLater(EXIT.manual);
			return;
		}
		const items = screen.checklist?.items ?? [];
		this.unticked = items.filter(i => !i.ticked).map(i => i.name);
		const ticked = items.filter(i => i.ticked).map(i => i.name);
		const note = items.length
			? `blue checks ticked: ${ticked.join(', ') || 'none'}${this.unticked.length ? `; not ticked: ${this.unticked.join(', ')}` : ''}`
			: undefined;
		this.actedSinceOpen = true;
		const outcome = await this.run!.confirmManual(screen.step, note);
		await this.afterStep(screen.step, screen.title, outcome);
	}

	/** Servers the admin did not tick on the manual synchronization: not seen green. */
	private unticked: string[] = [];

	/** The servers this run is about: the ones it reconstructs, or those the target names. */
	private async serverNames(): Promise<string[]> {
		const run = this.run;
		if (run?.flow === 'reconstruct') return (run as ReconstructRun).servers;
		return (await this.target!.servers.list()).map(s => s.name);
	}

	/** Tab on the manual synchronization: the next server of the checklist. */
	moveChecklist(): void {
		const screen = this.state.screen;
		if (screen.name !== 'manual' || !screen.checklist?.items.length) return;
		const {items, cursor} = screen.checklist;
		this.set({screen: {...screen, checklist: {items, cursor: (cursor + 1) % items.length}}});
	}

	/** Space: the server under the pointer shows a blue check (or, pressed again, does not). */
	toggleChecklist(): void {
		const screen = this.state.screen;
		if (screen.name !== 'manual' || !screen.checklist?.items.length) return;
		const {items, cursor} = screen.checklist;
		this.set({screen: {...screen, checklist: {cursor, items: items.map((item, i) => (i === cursor ? {...item, ticked: !item.ticked} : item))}}});
	}

	async failureChoice(choice: 'retry' | 'retry-failed' | 'rollback' | 'finish' | 'stop'): Promise<void> {
		const screen = this.state.screen;
		if (screen.name !== 'failure') return;
		if (choice === 'retry' && screen.step === 'rollback') return this.rollback();
		if (choice === 'retry') return this.runStep(screen.step);
		if (choice === 'retry-failed' && screen.step === 'synchronize') return this.runStep('synchronize', screen.failedServers);
		if (choice === 'rollback' && this.run?.canRollback) return this.askRollback();
		if (choice === 'finish') return this.finish(screen.failedServers);
		if (this.run && (await this.run.nothingChanged())) {
			await this.run.end('nothing-changed');
			this.set({
				screen: {
					name: 'summary',
					title: 'Stopped: nothing was changed',
					ok: false,
					exit: EXIT.failed,
					lines: [
						`${screen.title} failed before anything changed, so this run is closed (journal ${this.run.journalPath}).`,
						'Fix the cause, then start dsmn-resync again: it begins a new run.',
					],
				},
			});
			return;
		}
		// Stop here: the run stays unfinished in the journal; the next start offers to resume (or roll back).
		await this.run?.noteInterrupted('stopped by the admin', screen.step);
		this.set({
			screen: {
				name: 'summary',
				title: 'Stopped here',
				ok: false,
				exit: EXIT.failed,
				lines: this.whereThingsAre([
					`Nothing more was changed. Start dsmn-resync again on this target to resume it${this.run?.canRollback ? ' or roll it back' : ''}.`,
				]),
			},
		});
		this.exitLater(EXIT.failed);
	}

	async askRollback(): Promise<void> {
		const run = this.run as RestoreRun;
		this.set({
			screen: {
				name: 'confirm',
				step: 'rollback',
				title: 'Roll back',
				help: {
					why: 'Roll back puts SYNCAGNT back byte for byte from the snapshot and leaves MSSYNC as it was found. The files this run copied are kept aside, not deleted.',
					kb: 'KB Q148678 has no roll back: this is the tool keeping its promise that nothing is lost.',
				},
				typed: '',
				changes: [
					'Stops MSSYNC if it runs, moves the files this run copied into SYNCAGNT aside (kept),',
					`moves the original files back from ${run.snapshot},`,
					`and leaves MSSYNC ${run.start.serviceBefore === 'RUNNING' ? 'running' : 'stopped'}, as it was found.`,
				],
			},
		});
	}

	async resumeChoice(choice: 'resume' | 'rollback' | 'leave'): Promise<void> {
		// A run whose roll back began is finished by rolling back, never resumed.
		if (choice === 'resume' && !this.run?.rollbackBegan()) return this.confirmNext();
		if (choice === 'rollback' && this.run?.canRollback) return this.askRollback();
		return this.leave();
	}

	private async rollback(): Promise<void> {
		this.actedSinceOpen = true;
		this.set({busy: true, screen: {name: 'running', step: 'rollback', title: 'Rolling back', progress: {kind: 'none'}}});
		const outcome = await this.run!.rollback({onCommand: this.onCommand});
		this.set({busy: false});
		if (outcome.status === 'done') {
			this.log('ok', `Rolled back: ${outcome.summary}`);
			this.set({
				steps: undefined,
				screen: {name: 'summary', title: 'Rolled back: SYNCAGNT is as it was', ok: true, exit: EXIT.ok, lines: this.whereThingsAre([outcome.summary])},
			});
		} else if (outcome.status === 'failed') {
			this.log('error', `Roll back failed: ${outcome.message}`);
			this.set({screen: {name: 'failure', step: 'rollback', title: 'Roll back', message: outcome.message, advice: outcome.advice, canRollback: false}});
		}
	}

	private async finish(stillRed: string[] = []): Promise<void> {
		const run = this.run!;
		await run.end('completed');
		if (this.target!.kind !== 'lab') {
			// The tool cannot see the check marks on a real server: it says what was done and where to look.
			this.set({
				steps: this.stepList(),
				screen: {
					name: 'summary',
					title: this.unticked.length
						? `Done, but ${this.unticked.join(', ')} ${this.unticked.length === 1 ? 'was' : 'were'} not seen with a blue check`
						: 'Done: every step is finished',
					ok: this.unticked.length === 0,
					exit: this.unticked.length === 0 ? EXIT.ok : EXIT.failed,
					lines: this.whereThingsAre([
						...(run.flow === 'restore'
							? [`The backup from ${(run as RestoreRun).backup} is in ${this.target!.database.syncagnt}, verified by SHA-256.`]
							: [`Reconstructed: ${(run as ReconstructRun).servers.join(', ')}.`]),
						this.unticked.length
							? `Not seen with a blue check: ${this.unticked.join(', ')}. Its reason is in the Event Viewer's Application log on the PDC; when fixed, "Synchronize all servers" again.`
							: "In Synchronization Manager, every server should now show a blue check; one still red: its reason is in the Event Viewer's Application log.",
					]),
				},
			});
			return;
		}
		const servers = await this.target!.servers.list();
		const red = servers.filter(s => !s.synchronized).map(s => s.name);
		this.set({
			steps: this.stepList(),
			screen: {
				name: 'summary',
				title: red.length === 0 ? 'Done: every server shows a blue check' : `Done, but ${red.join(', ')} still show${red.length === 1 ? 's' : ''} a red X`,
				ok: red.length === 0,
				exit: red.length === 0 ? EXIT.ok : EXIT.failed,
				lines: this.whereThingsAre([
					...(run.flow === 'restore'
						? [`The backup from ${(run as RestoreRun).backup} is in ${this.target!.database.syncagnt}, verified by SHA-256.`]
						: [`Reconstructed: ${(run as ReconstructRun).servers.join(', ')}.`]),
					...this.stillRedLines(red, stillRed),
				]),
			},
		});
	}

	/** What to do about the servers still red: those this run did not touch need a run of their own. */
	private stillRedLines(red: string[], stillRed: string[]): string[] {
		const run = this.run!;
		const untouched = run.flow === 'reconstruct' ? red.filter(name => !(run as ReconstructRun).servers.includes(name)) : [];
		const failed = red.filter(name => !untouched.includes(name));
		return [
			...(failed.length
				? [
						`Still red: ${failed.join(', ')}${stillRed.length ? ' (did not synchronize)' : ''}. When they answer again, start dsmn-resync again and choose "Only synchronize all servers" (or use Synchronize all servers in Synchronization Manager).`,
					]
				: []),
			...(untouched.length
				? [
						`${untouched.join(', ')} ${untouched.length === 1 ? 'was' : 'were'} not reconstructed in this run: start dsmn-resync again and choose ${untouched.length === 1 ? 'it' : 'them'}.`,
					]
				: []),
		];
	}

	private whereThingsAre(lines: string[]): string[] {
		return [...lines, ...(this.run?.whereThingsAre() ?? [])];
	}

	// ——— navigation and leaving ———

	/** Whether Esc goes back from this screen: only where nothing has changed yet (the footer offers it only then). */
	canGoBack(): boolean {
		const screen = this.state.screen;
		if (this.state.busy || this.state.exit !== undefined) return false;
		// A summary is an end: what it reports has happened (Esc must not lead back to run it again).
		if (screen.name === 'summary') return Boolean(screen.back) && !this.run && this.history.length > 0;
		if (screen.name === 'loading' || screen.name === 'running') return false;
		if (screen.name === 'discover' && screen.results !== undefined) return true;
		if (this.run) return this.backToPlanPossible() || this.backToResumePossible();
		return this.history.length > 0;
	}

	/** The first confirmation after Begin: the run has its journal, but no step has started. */
	private backToPlanPossible(): boolean {
		return Boolean(this.run && this.planScreen && !this.run.hasChangedAnything() && this.state.screen.name === 'confirm');
	}

	/** A resumed run, before anything was done since the resume (its first confirmation, the password asked again). */
	private backToResumePossible(): boolean {
		const name = this.state.screen.name;
		return Boolean(this.resumeScreen && !this.actedSinceOpen && (name === 'confirm' || name === 'password-entry' || name === 'manual'));
	}

	async back(): Promise<void> {
		if (this.state.overlay) {
			this.set({overlay: undefined});
			return;
		}
		if (!this.canGoBack()) return;
		const screen = this.state.screen;
		if (screen.name === 'discover' && screen.results !== undefined) {
			// "Search elsewhere": the search field again, with the folder searched.
			this.set({screen: {...screen, results: undefined, searching: false}});
			return;
		}
		if (this.backToPlanPossible()) {
			// Nothing was changed: the run is closed as abandoned, and the plan is shown again.
			await this.run!.end('abandoned');
			this.log('info', `Went back before any step: that run was closed unchanged (${this.run!.journalPath}).`);
			this.run = undefined;
			this.history.length = 0;
			this.history.push(...this.planHistory);
			this.set({steps: undefined, screen: this.planScreen!});
			return;
		}
		if (this.backToResumePossible()) {
			this.typedPassword = '';
			this.set({steps: this.stepList(), screen: this.resumeScreen!});
			return;
		}
		const previous = this.history.pop();
		if (previous) this.set({screen: previous});
	}

	/** A key the admin pressed was not used (a second Enter on a choice, keys typed before a screen appeared): said on screen. */
	noteIgnoredKey(when: 'now' | 'next-screen'): void {
		const notice = 'A key you pressed before this screen appeared was not used here: read it, then choose.';
		if (when === 'next-screen') this.noticeForNextScreen = notice;
		else this.set({notice});
	}

	private noticeForNextScreen?: string;

	showHelp(): void {
		this.set({overlay: this.state.overlay === 'help' ? undefined : 'help'});
	}

	/** What leaving now means, as the quit question says it. */
	leavingNote(): string {
		if (this.state.busy)
			return 'A step is running: it will finish to a safe point first, then the wizard leaves. The run waits in its journal, to resume next time.';
		const run = this.run;
		if (run?.hasChangedAnything())
			return `Everything done so far is in the journal: start again on this target to resume${run.canRollback ? ' or roll back' : ''}.`;
		return 'Nothing has been changed on the target.';
	}

	requestQuit(): void {
		if (this.state.exit !== undefined) return;
		this.set({overlay: 'quit'});
	}

	cancelQuit(): void {
		this.set({overlay: undefined});
	}

	/** Leaves now if idle; else as soon as the running step reaches a safe point. */
	async confirmQuit(): Promise<void> {
		this.set({overlay: undefined, leaving: true});
		this.stepAbort.abort();
		if (!this.state.busy) await this.leave();
	}

	/** The terminal went away (SIGHUP) or SIGTERM: finish the current step to its safe point, journal, leave. */
	async hangup(signal: string): Promise<void> {
		this.set({leaving: true});
		this.stepAbort.abort();
		if (!this.state.busy) await this.leave(signal);
	}

	private async leave(signal = 'user'): Promise<void> {
		const run = this.run;
		if (this.state.screen.name === 'summary') return this.set({exit: this.state.screen.exit});
		let lines: string[];
		if (run && run.hasChangedAnything()) {
			await run.noteInterrupted(signal);
			lines = [
				`The run waits in its journal: start dsmn-resync again on this target to resume it${run.canRollback ? ' or roll it back' : ''}.`,
				...run.whereThingsAre(),
			];
		} else if (run) {
			// Begun, but no step started: nothing to resume.
			await run.end('abandoned');
			lines = ['Nothing was changed.'];
		} else if (this.synchronizedAlone) {
			lines = [
				'Synchronization stopped part way: that is safe (a server half propagated is simply not synchronized yet).',
				'To finish, start dsmn-resync again and choose "Only synchronize all servers".',
			];
		} else lines = ['Nothing was changed.'];
		// The last frame is the truth: not a progress bar or a choice, but where things are.
		this.set({
			busy: false,
			leaving: false,
			overlay: undefined,
			screen: {name: 'summary', title: run?.hasChangedAnything() ? 'Left at a safe point' : 'Left', ok: false, exit: EXIT.interrupted, lines},
			exit: EXIT.interrupted,
		});
	}

	/** Something unexpected: say what happened and where things are; never leave the admin guessing. */
	fatal(error: unknown): void {
		this.set({
			busy: false,
			screen: {
				name: 'summary',
				title: 'Something unexpected went wrong',
				ok: false,
				exit: EXIT.failed,
				lines: this.whereThingsAre([
					`${(error as Error)?.message ?? String(error)}`,
					'Nothing more will be changed. Start dsmn-resync again on this target: it will offer to resume.',
				]),
			},
		});
	}

	exitLater(code: number): void {
		this.set({exit: code});
	}

	/** Enter on the summary: the exit status the summary was shown with. */
	done(): void {
		const screen = this.state.screen;
		if (screen.name === 'summary') this.set({exit: screen.exit});
	}
}

/** What the admin is told when the word typed to confirm is not the one asked for. */
export function confirmationMismatch(word: string, typed: string): string {
	if (typed === '') return `Nothing was typed: type ${word}, then Enter. Nothing has been changed.`;
	if (typed.trim().toUpperCase() === word.toUpperCase())
		return `"${typed}" is not ${word}: type it exactly, in capital letters, then Enter. Nothing has been changed.`;
	return `"${typed}" is not ${word}: type ${word}, then Enter, to go on (or Ctrl+C to leave). Nothing has been changed.`;
}
