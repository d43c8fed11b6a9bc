/**
 * The reconstruct's question "Which NetWare version does each server run?" (ARCHITECTURE.md, "The
 * claims table"): asked once the servers are chosen, before the bindery question, because the bindery
 * backup's files, the tools and whether DSMN can add the server at all depend on it. A server not
 * asked about is 3.x. The steps per version are `procedure/reconstruct-texts.ts`'s, as the scripted
 * `--netware` builds them.
 */
import {cite} from '../../procedure/claims.js';
import {binderyBackupNames, versionOf, type NetWareVersion, type NetWareVersions} from '../../procedure/reconstruct-texts.js';
import type {Screen} from '../state.js';

type Question = Extract<Screen, {name: 'situation'}>;

/** The first question: all 3.x (the usual case, one Enter), or one question per server. */
export function netwareAllQuestion(servers: readonly string[], known: NetWareVersions, reported?: string): Question {
	const other = servers.some(server => versionOf(known, server) !== '3.x');
	return {
		name: 'situation',
		step: 'netware',
		title: servers.length === 1 ? `Which NetWare version does ${servers[0]} run?` : 'Which NetWare version do the chosen servers run?',
		lines: [
			'The answer changes the steps: which files hold the bindery backup, which NetWare tools the instructions name, and what the PDC needs before it can add the server back.',
			'NetWare 3.x (the usual case): WINNT_SYNC_AGENT is deleted with SYSCON, and a bindery restore, if you choose one, uses BINDREST.',
			`NetWare 2.x: DSMN adds it as it adds 3.x, without the Allow4X that 4.x needs (${cite('netware-4x')}); the same tools, but BINDFIX keeps its bindery in two files (${binderyBackupNames('2.x').join(' and ')}), so answer 2.x for it.`,
			`NetWare 4.x: no SYSCON or BINDREST (its accounts are in NDS). DSMN takes a 4.x server only in bindery emulation, and only after a registry value named Allow4X is set on the PDC and the PDC restarted (${cite('netware-4x')}).`,
			...(reported ? [reported] : []),
		],
		items: [
			{label: `${servers.length === 1 ? 'It runs' : 'All run'} NetWare 3.x`, value: 'all-3.x'},
			{label: servers.length === 1 ? 'It runs NetWare 4.x or 2.x' : 'Some run NetWare 4.x or 2.x: ask for each server', value: 'each'},
		],
		initial: other ? 1 : 0,
		help: {
			why: [
				`The bindery backup BINDFIX keeps: on NetWare 3.x ${binderyBackupNames('3.x').join(', ')}; on 2.x ${binderyBackupNames('2.x').join(' and ')}.`,
				'BINDREST puts either back; SUPERVISOR runs it from SYS:SYSTEM at a workstation.',
				'NetWare 4.x keeps users and groups in NDS (NetWare Directory Services), not in a bindery: SYSCON and BINDREST do not apply, and WINNT_SYNC_AGENT is deleted with NWADMIN or NETADMIN.',
			].join(' '),
			kb: [
				"Allow4X is a value in the PDC's registry, under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters: name Allow4X, type REG_DWORD, data 1; then restart the PDC.",
				`Without it, DSMN adds only NetWare 2.x and 3.x servers (${cite('netware-4x')}), and Add Server to Manage refuses a 4.x one: "<server> is a Netware 4.X server. It cannot be added to the Domain."`,
			].join(' '),
		},
	};
}

const LABELS: Readonly<Record<NetWareVersion, string>> = {
	'3.x': 'NetWare 3.x',
	'4.x': 'NetWare 4.x (in bindery emulation; the PDC needs Allow4X)',
	'2.x': 'NetWare 2.x',
};

const ORDER: readonly NetWareVersion[] = ['3.x', '4.x', '2.x'];

/** One server's question; the pointer starts on what is known of it (what the target reported, a `--netware` answer), else 3.x. */
export function netwareServerQuestion(server: string, known: NetWareVersions, reported?: string): Question {
	const all = netwareAllQuestion([server], known, reported);
	return {
		name: 'situation',
		step: `netware:${server}`,
		title: `Which NetWare version does ${server} run?`,
		lines: all.lines,
		items: ORDER.map(version => ({label: LABELS[version], value: version})),
		initial: ORDER.indexOf(versionOf(known, server)),
		help: all.help,
	};
}

/** The answers as the run takes them: only the servers that are not 3.x. */
export function netwareAnswers(answers: Readonly<Record<string, NetWareVersion>>): NetWareVersions {
	return Object.fromEntries(Object.entries(answers).filter(([, version]) => version !== '3.x'));
}

/** The plan's line: each server's version, where one is not 3.x. */
export function netwarePlanLine(servers: readonly string[], versions: NetWareVersions): string | undefined {
	const other = servers.filter(server => versionOf(versions, server) !== '3.x');
	if (other.length === 0) return undefined;
	return `NetWare versions: ${servers.map(server => `${server} ${versionOf(versions, server)}`).join(', ')}.`;
}
