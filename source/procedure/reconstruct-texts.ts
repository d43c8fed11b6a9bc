/**
 * What the reconstruct's steps say: their KB text, why (the `?` key), and, on a real server, what the
 * administrator does by hand. Built on the claims table (`claims.ts`; ARCHITECTURE.md, "The claims
 * table") and on each server's NetWare version: a 4.x server gets no 3.x tools.
 */
import type {Allow4xReading} from '../targets/capabilities.js';
import type {StepDef} from './procedure-run.js';
import {cite, citeEach} from './claims.js';
import type {NetWareVersion} from './netware-versions.js';

// The versions and the `--netware` answer live in netware-versions.ts, which the argument parser reads alone.
export {NETWARE_VERSIONS, parseNetWareVersions, type NetWareVersion} from './netware-versions.js';

/** Each server's NetWare version; a server not named is 3.x. */
export type NetWareVersions = Readonly<Record<string, NetWareVersion>>;

export function versionOf(versions: NetWareVersions | undefined, server: string): NetWareVersion {
	return versions?.[server] ?? '3.x';
}

/** The bindery backup BINDFIX keeps on this version, which BINDREST puts back; none on 4.x. */
export function binderyBackupNames(version: NetWareVersion): string[] {
	if (version === '2.x') return ['NET$BIND.OLD', 'NET$BVAL.OLD'];
	if (version === '3.x') return ['NET$OBJ.OLD', 'NET$PROP.OLD', 'NET$VAL.OLD'];
	return [];
}

/** Why a server's bindery cannot be restored by BINDREST, or undefined when it can. */
export function binderyRestoreRefusal(server: string, version: NetWareVersion): string | undefined {
	return version === '4.x'
		? `${server} runs NetWare 4.x: its accounts live in NDS and BINDREST does not apply; restore NDS with NetWare 4.x's own backup tools if you must`
		: undefined;
}

/** The registry value DSMN needs before it takes a NetWare 4.x server (the claims table, `netware-4x`). */
export const ALLOW_4X_VALUE = 'Allow4X (REG_DWORD, 1) under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters';

const ALLOW_4X = `DSMN adds a NetWare 4.x server only in bindery emulation, and only once Allow4X (REG_DWORD, 1) is set under HKLM\\SYSTEM\\CurrentControlSet\\Services\\MSSYNC\\Parameters on the PDC and the NT server restarted (${cite('netware-4x')}); without it the dialog says "<server> is a Netware 4.X server. It cannot be added to the Domain."`;

/** The first thing a 4.x server's delete step says on a real server, from Allow4X as read just before it (none: the target cannot read it). */
export function allow4xBeforeDelete(server: string, reading: Allow4xReading | undefined): string {
	const noWayBack = `Without Allow4X, DSMN will not take ${server} back once WINNT_SYNC_AGENT is gone (${cite('netware-4x')})`;
	switch (reading?.state) {
		case 'set':
			return `Allow4X is set on the PDC (read from its registry just now: ${reading.how}). Whether the NT server was restarted since it was set cannot be read: if it was not, stop here, restart the NT server, and come back. ${noWayBack}.`;
		case 'unset':
			return `Do not delete anything: Allow4X is not set on the PDC (read from its registry just now: ${reading.why}). ${noWayBack}. Stop here, set ${ALLOW_4X_VALUE}, restart the NT server, and come back.`;
		case 'unread':
			return `The tool could not read Allow4X on the PDC (${reading.why}), so check it yourself before you delete anything: ${ALLOW_4X_VALUE} set, and the NT server restarted since. ${noWayBack}: if it is not set, stop here, set it, restart the NT server, and come back.`;
		default:
			return `Before you delete anything: check on the PDC that ${ALLOW_4X_VALUE} is set and that the NT server was restarted since. ${noWayBack}: if it is not set, stop here, set it, restart the NT server, and come back.`;
	}
}

const READD_CHOICE = `In the dialog you choose which of the server's users and groups move into the domain, and which domain groups go back to it (${cite('readd-migrate', ['Q154761', 'Q183684'])}). Migrating brings the server's accounts into the domain: a name the domain already has is merged into that account. Adding it without migrating keeps the domain's accounts as they are and only sends the chosen groups to the server, as ${cite('readd-migrate', ['Q189441'])} does when the domain's accounts are the ones to trust.`;

/** The steps of a reconstruct of these servers, in the KB's order. */
export function reconstructSteps(
	servers: readonly string[],
	restoreBindery: readonly string[],
	manual = {netware: false, sync: false},
	versions?: NetWareVersions,
): StepDef[] {
	const steps: StepDef[] = [];
	for (const server of servers) {
		const version = versionOf(versions, server);
		steps.push({
			id: `delete-agent:${server}`,
			title: `Delete WINNT_SYNC_AGENT from ${server}`,
			kb: 'KB Q148678, no backup, step 1: "Delete the WINNT_SYNC_AGENT user account from each NetWare server that participates in the domain"',
			why: `DSMN manages ${server} through the NetWare user WINNT_SYNC_AGENT. While it exists, adding the server back fails with "…has already been added to a Windows NT Domain" (${cite('agent-blocks-add', ['Q149906'])}). Only adding the server again brings it back. After deleting it you may need to restore the bindery before the server can be added again (${cite('bindery-after-delete')}): if adding it back fails, that is the next thing to try. The other fix, where a DSMN that still works manages the server: release the server in that DSMN instead of deleting the account (${cite('release-instead')}).`,
			confirmation: {kind: 'typed', word: server},
			manual: manual.netware,
		});
		if (restoreBindery.includes(server)) {
			const names = binderyBackupNames(version);
			steps.push({
				id: `restore-bindery:${server}`,
				title: `Restore ${server}'s bindery from its backup`,
				kb: 'KB Q148678, no backup, step 2: "Restore the bindery from a backup (if you want the NetWare server bindery to return to its previous state before synchronization)"',
				why: `${names.join(', ')} replace ${server}'s bindery (NetWare ${version}): every user, group and right changed since that backup is lost. The current bindery files are kept aside, not deleted. The KB means a bindery backup from before the server joined the domain (${cite('bindery-from-before', ['Q154761'])}): .OLD files are whatever BINDFIX last kept, of any date, and a tape backup is the usual source. NetWare 3.x keeps NET$OBJ.OLD, NET$PROP.OLD and NET$VAL.OLD; NetWare 2.x keeps NET$BIND.OLD and NET$BVAL.OLD; BINDREST puts either back. On NetWare 4.x (NDS) BINDREST does not apply.`,
				confirmation: {kind: 'typed', word: server},
				manual: manual.netware,
			});
		}
		steps.push({
			id: `add-server:${server}`,
			title: `Add ${server} back to the domain`,
			kb: 'KB Q148678, no backup, step 3: "Use Synchronization Manager to add the NetWare server back to the domain"',
			why: `Synchronization Manager's "Add Server to Manage" creates WINNT_SYNC_AGENT and the MS_WINNT object (naming the PDC) on ${server}, and a new record for it in DSMN's database. It needs Gateway Service for NetWare and NWLink on the PDC, ${server} up and seen on the network (SAP), and a Supervisor (or equivalent) login on ${server} (${citeEach(['add-server-dialog', 'nwcworkstation'])}). ${READD_CHOICE}${version === '4.x' ? ` ${ALLOW_4X}` : ''}`,
			confirmation: {kind: 'yes-no'},
			manual: manual.netware,
		});
	}
	steps.push({
		id: 'set-passwords',
		title: 'Set a new password for each propagated user',
		kb: 'KB Q148678, no backup, step 3: "Set a new password for each propagated user"',
		why: `DSMN cannot propagate an account whose password it does not know, and a new database knows none. The passwords go only to the file you named (mode 0600), never to the screen or the journal. ${PASSWORDS_AFTERWARDS}`,
		confirmation: {kind: 'yes-no'},
		manual: manual.netware,
	});
	steps.push({
		id: 'synchronize',
		title: 'Synchronize all servers',
		kb: 'KB Q148678, step 4: "select Synchronize all servers from the NetWare server menu"',
		why: `DSMN propagates to each server added back the NetWare-enabled accounts ("Maintain NetWare Compatible Login") of the groups chosen for that server, with their new passwords (${cite('propagated-accounts')}). A server that fails does not stop the others. Afterwards DSMCHK can confirm that the NetWare passwords really are in sync (${cite('dsmchk', ['Q154760'])}).`,
		confirmation: {kind: 'yes-no'},
		manual: manual.sync,
	});
	return steps;
}

/** How NetWare users change their passwords once DSMN manages their server again. */
export const PASSWORDS_AFTERWARDS = `Afterwards users change their passwords with CHGPASS, which comes with DSMN and changes it on every server and in the domain (${cite('chgpass')}). Never with SETPASS on the NetWare server: that password never reaches the domain and the account stops synchronizing, with Event 8020 (${cite('setpass-breaks-sync')}). Only on a server that was not removed properly from an old domain, and still names the old PDC, is SETPASS the way (${cite('setpass-old-domain')}).`;

/** On a real server, what the admin does by hand for each NetWare step. */
export function manualNetWareInstructions(
	kind: string,
	server: string,
	options: {initialPassword: boolean; version?: NetWareVersion; allow4x?: Allow4xReading | undefined},
): string[] {
	const version = options.version ?? '3.x';
	switch (kind) {
		case 'delete-agent':
			return version === '4.x'
				? [
						allow4xBeforeDelete(server, options.allow4x),
						`On a workstation, log in to ${server} as ADMIN (or an equivalent) and open NetWare 4.x's administration tool (NWADMIN or NETADMIN), in the container of its bindery context.`,
						'Select the user WINNT_SYNC_AGENT, delete it and confirm.',
						`Check: WINNT_SYNC_AGENT no longer appears in ${server}'s bindery context.`,
					]
				: [
						`On a workstation, log in to ${server} as SUPERVISOR (or an equivalent) and run SYSCON.`,
						'Choose User Information, select WINNT_SYNC_AGENT, press Delete (Del) and confirm.',
						`Check: WINNT_SYNC_AGENT no longer appears in ${server}'s user list.`,
					];
		case 'restore-bindery': {
			const refusal = binderyRestoreRefusal(server, version);
			if (refusal) return [`Skip this step: ${refusal}.`];
			return [
				`At a workstation, log in to ${server} as SUPERVISOR, make sure nobody else is logged in, and run BINDREST from SYS:SYSTEM (NetWare ${version}).`,
				`It replaces the bindery with ${binderyBackupNames(version).join(', ')}: every change since those files were written is lost.`,
			];
		}
		case 'add-server':
			return [
				...(version === '4.x' ? [`First, on the PDC: ${ALLOW_4X}`] : []),
				'On the PDC, in Synchronization Manager: NetWare Server ▸ Add Server to Manage.',
				`First: Gateway Service for NetWare and NWLink run on the PDC, and ${server} is up and seen on the network (SAP).`,
				`Choose ${server} and give a Supervisor (or equivalent) login for it (${cite('add-server-dialog')}).`,
				READD_CHOICE,
				`If it says the server "has already been added to a Windows NT Domain" (${cite('agent-blocks-add', ['Q149906'])}), WINNT_SYNC_AGENT is still on it: do the first step again. If it still fails with WINNT_SYNC_AGENT gone, you may need to restore the bindery before the server can be added (${cite('bindery-after-delete')}).`,
			];
		case 'set-passwords':
			return [
				`In User Manager for Domains, give each NetWare-enabled user a new password${options.initialPassword ? ' (one initial password), and tick "User Must Change Password at Next Logon"' : ''}.`,
				'Only users with "Maintain NetWare Compatible Login" ticked are propagated; the others need nothing.',
				'Hand the passwords over privately: never on a shared folder, in a ticket or by e-mail.',
				PASSWORDS_AFTERWARDS,
			];
	}
	return [];
}
