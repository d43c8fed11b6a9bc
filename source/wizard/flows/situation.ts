/**
 * The situation decides the steps (ARCHITECTURE.md, "The wizard"): the questions an expert asks before
 * and inside the two branches of KB Q148678. Before the backup question: what the admin sees (a red X;
 * MSSYNC will not start, with the dsmpack repair offered first) and which PDC this is (a lost PDC), each once. In
 * the restore: "Synchronize" or "Fully synchronize" at the end, from the backup's age. In the
 * reconstruct: each server's NetWare version. The backup question and its branches stay as they are:
 * these questions come before or inside them, never instead. Each question's screen is built by its own
 * file (situation-symptom.ts, situation-synchronize.ts, situation-netware.ts); where an answer leads is
 * the controller's (`SituationLinks`), so that this part imports no other.
 */
import {cite} from '../../procedure/claims.js';
import type {PdcSituation} from '../../procedure/new-pdc.js';
import type {NetWareVersion, NetWareVersions} from '../../procedure/reconstruct-texts.js';
import type {SynchronizeAdvice, SynchronizeKind} from '../../procedure/synchronize-choice.js';
import type {WizardSession} from '../session.js';
import {netwareAllQuestion, netwareAnswers, netwareServerQuestion} from './situation-netware.js';
import type {ServerInfo} from '../../services/server-role.js';
import {bdcRefusal, learnRole} from './situation-role.js';
import {isSymptom, pdcQuestion, repairQuestion, runningQuestion, symptomQuestion, type WizardSymptom} from './situation-symptom.js';
import {synchronizeAdvice, synchronizeQuestion, type SynchronizeContext} from './situation-synchronize.js';
import {shellWord} from '../start-again.js';
import {AFTER_SYNCHRONIZE_ONLY, synchronizeOnlyQuestion} from './synchronize-only-screens.js';
import {NO_SUPERVISOR} from './situation-supervisor.js';

/** Where an answer leads: the other parts' methods, filled in by the controller. */
export type SituationLinks = {
	/** The backup question, as before the situation was asked. */
	askBackup(): void;
	/** "MSSYNC will not start", repair chosen: the dsmpack repair. */
	repair(): Promise<void>;
	/** The restore's plan, with the synchronize chosen. */
	restorePlan(kind: SynchronizeKind, advice: SynchronizeAdvice): Promise<void>;
	/** "Only synchronize all servers", with the synchronize chosen. */
	synchronizeOnly(kind: SynchronizeKind): Promise<void>;
	/** A choice after "Only synchronize all servers" left servers red (flows/synchronize-only.ts). */
	afterSynchronizeOnly(choice: string): Promise<void>;
	/** The reconstruct's bindery question, once every chosen server's version is known. */
	binderyQuestion(servers: string[], versions: NetWareVersions): Promise<void>;
	/** A choice after "I have no Supervisor login on some of them" (flows/reconstruct-questions.ts). */
	noSupervisor(choice: string): Promise<void>;
};

/** What the situation questions established. */
export type SituationAnswers = {symptom?: WizardSymptom; pdc?: PdcSituation};

export class SituationFlow {
	readonly answers: SituationAnswers = {};
	private advice: SynchronizeAdvice | undefined;
	private servers: string[] = [];
	private versions: Record<string, NetWareVersion> = {};
	/** What the server said of its role (PDC or BDC), once asked; undefined where it cannot say. */
	private role: ServerInfo | undefined;

	constructor(
		private readonly s: WizardSession,
		private readonly links: SituationLinks,
	) {}

	/** The first question after the look at the target. */
	askSymptom(): void {
		// MSSYNC found stopped (after a failed start, or stopped by hand): the default follows what the tool found.
		const {screen, history} = this.s.store;
		const inspect = screen.name === 'inspect' ? screen : history.findLast(s => s.name === 'inspect');
		const stopped = inspect?.name === 'inspect' && /^STOPPED\b/.test(inspect.service) ? inspect.service : undefined;
		this.s.store.go(symptomQuestion(stopped));
	}

	/** Before the restore's plan (the backup's age known) or "Only synchronize all servers". */
	askSynchronize(context: SynchronizeContext, taken?: string): void {
		// Event 8005 the first screen found (the lab's Application log): "Only synchronize" recommends the full one.
		const {screen, history} = this.s.store;
		const inspect = screen.name === 'inspect' ? screen : history.findLast(s => s.name === 'inspect');
		const event8005 = inspect?.name === 'inspect' ? inspect.event8005 : undefined;
		this.advice = synchronizeAdvice(context, taken, new Date(this.s.deps.now()), event8005);
		// Nothing is restored on "Only synchronize": its own explanations (synchronize-only-screens.ts).
		// The practice lab has no Event Viewer: its Application log is its `lab status`, as launched.
		const target = this.s.activeTarget;
		const labStatus = target.kind === 'lab' ? this.s.asLaunched(`dsmn-resync lab status ${shellWord(target.location)}`) : undefined;
		this.s.store.go(context === 'only' ? synchronizeOnlyQuestion(this.advice, event8005 !== undefined) : synchronizeQuestion(context, this.advice, labStatus));
	}

	/** Once the reconstruct's servers are chosen: their NetWare versions, before the bindery question. */
	async askNetWare(servers: string[]): Promise<void> {
		this.servers = servers;
		this.versions = {};
		// What the target knows of its servers (the lab does) is where each question starts, and it says so.
		this.fromTarget = (await this.s.activeTarget.servers.netwareVersions?.()) ?? {};
		// One server: its own question at once.
		if (servers.length === 1) return void this.askServer(0);
		this.s.store.go(netwareAllQuestion(servers, this.known(), this.knownLine(servers)));
	}

	/** The versions the target reported for the servers being asked about. */
	private fromTarget: NetWareVersions = {};

	/** Where the pointer starts: what the target knows, else what the command line said (`--netware`). */
	private known(): NetWareVersions {
		return {...this.s.options.netware, ...this.fromTarget};
	}

	/** The question's line saying what the target reported, when it reported anything of these servers. */
	private knownLine(servers: readonly string[]): string | undefined {
		const reported = servers.filter(server => this.fromTarget[server] !== undefined);
		if (reported.length === 0) return undefined;
		const where = this.s.activeTarget.kind === 'lab' ? 'The practice lab' : 'The target';
		return `${where} says: ${reported.map(server => `${server} runs NetWare ${this.fromTarget[server]}`).join(', ')}. The answer starts from that.`;
	}

	/** Enter on a situation question. */
	async answer(value: string): Promise<void> {
		const screen = this.s.store.screen;
		if (screen.name !== 'situation') return;
		const {step} = screen;
		if (step === 'symptom' && isSymptom(value)) return this.answerSymptom(value);
		if (step === 'running') return value === 'red-x' ? this.answerSymptom('red-x') : this.s.store.go(repairQuestion());
		if (step === 'repair') return value === 'repair' ? this.links.repair() : this.askPdc();
		if (step === 'pdc' && (value === 'same' || value === 'new')) return this.answerPdc(value);
		if (step === AFTER_SYNCHRONIZE_ONLY) return this.links.afterSynchronizeOnly(value);
		if (step === NO_SUPERVISOR) return this.links.noSupervisor(value);
		if (step.startsWith('synchronize-') && (value === 'normal' || value === 'full')) {
			const advice = this.advice!;
			return step === 'synchronize-only' ? this.links.synchronizeOnly(value) : this.links.restorePlan(value, advice);
		}
		if (step === 'netware') {
			if (value === 'each') return this.askServer(0);
			return this.links.binderyQuestion(this.servers, {});
		}
		if (step.startsWith('netware:')) {
			const server = step.slice('netware:'.length);
			this.versions[server] = value as NetWareVersion;
			return this.askServer(this.servers.indexOf(server) + 1);
		}
	}

	private async answerSymptom(symptom: WizardSymptom): Promise<void> {
		this.answers.symptom = symptom;
		delete this.answers.pdc;
		if (symptom === 'wont-start') {
			// The first screen found MSSYNC running: what the admin sees is asked again, not taken on trust.
			const running = this.foundRunning();
			return this.s.store.go(running ? runningQuestion(running) : repairQuestion());
		}
		return this.askPdc();
	}

	/** The service state the first screen showed, when it was RUNNING. */
	private foundRunning(): string | undefined {
		const inspect = this.s.store.history.findLast(s => s.name === 'inspect');
		return inspect?.name === 'inspect' && /^RUNNING\b/.test(inspect.service) ? inspect.service : undefined;
	}

	private async askPdc(): Promise<void> {
		this.role = await learnRole(this.s.activeTarget);
		this.s.store.go(pdcQuestion(this.role));
	}

	/** A server that reports itself as a BDC takes neither restore: the end says what to do first (Esc changes the answer). */
	private async answerPdc(pdc: PdcSituation): Promise<void> {
		this.role ??= await learnRole(this.s.activeTarget);
		if (this.role?.role === 'bdc') return this.s.store.go(bdcRefusal(this.role, pdc, this.s.again()));
		this.answers.pdc = pdc;
		// The header names the article the chosen procedure follows.
		this.s.store.set({kb: pdc === 'new' ? cite('new-pdc') : cite('red-x')});
		return this.links.askBackup();
	}

	private askServer(index: number): Promise<void> | void {
		const server = this.servers[index];
		if (server === undefined) return this.links.binderyQuestion(this.servers, netwareAnswers(this.versions));
		this.s.store.go(netwareServerQuestion(server, this.known(), this.knownLine([server])));
	}
}
