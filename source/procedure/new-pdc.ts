/**
 * Which server this is: the PDC that ran DSMN all along (KB Q148678: the backup goes into SYNCAGNT
 * itself, after the current files are moved aside), or a BDC promoted after the PDC was lost, with DSMN
 * installed afresh (KB Q154761: the backup goes into a backup subfolder of SYNCAGNT, and the new
 * installation's own files stay). The wizard and the scripted run (`--pdc same|new`) ask this file what to
 * say and which steps follow; from Linux, `rpcclient -c srvinfo` tells a PDC from a BDC
 * (services/server-role.ts). ARCHITECTURE.md, "The claims table".
 */
import type {StepDef} from './procedure-run.js';
import {cite} from './claims.js';
import type {ServerRole} from '../services/server-role.js';

export type PdcSituation = 'same' | 'new';

/** The backup subfolder of SYNCAGNT that Q154761 copies the backup into. */
export const NEW_PDC_BACKUP_FOLDER = 'Backup';

export const PDC_CHOICES: Readonly<Record<PdcSituation, {label: string; consequence: string}>> = {
	same: {
		label: 'this is the PDC that ran DSMN (KB Q148678)',
		consequence: 'Its SYNCAGNT files are moved aside (kept) and the backup is copied into SYNCAGNT itself; a roll back puts them back.',
	},
	new: {
		label: 'a BDC promoted to PDC since, DSMN newly installed on it (KB Q154761)',
		consequence:
			"The new installation's files stay; the backup is copied into SYNCAGNT\\Backup, which MSSYNC reads when it starts; a roll back removes that subfolder's copies.",
	},
};

/** The `?` of the question: why the two differ. */
export function pdcExplanation(): string[] {
	return [
		`On the PDC that ran DSMN all along, the damaged database is replaced: stop MSSYNC, copy the backup into SYNCAGNT, start MSSYNC, Synchronize all servers (${cite('restore-procedure', ['Q148678'])}).`,
		`When the PDC was lost, a BDC is promoted and DSMN installed on it afresh; the backup then goes into a backup subfolder of SYNCAGNT, not into SYNCAGNT itself, before MSSYNC starts, and all servers are synchronized (${cite('new-pdc')}).`,
		`DSMN runs only on the PDC: an old PDC that comes back while the new one runs stops its own MSSYNC (${cite('old-pdc-stops')}).`,
		'The server itself can say whether it is a PDC or a BDC, never whether it ran DSMN all along. Where the tool can ask it (rpcclient srvinfo from Linux, or the practice lab), the screen shows what it said; from Windows your answer alone decides.',
	];
}

/** Q154761's steps on the promoted BDC, as the run shows them (the file steps are the tool's on a target it can reach). */
export function newPdcSteps(manualSync: boolean): StepDef[] {
	return [
		{
			id: 'stop-service',
			title: 'Stop MSSYNC',
			kb: `${cite('new-pdc')}, step 3: net stop MSSYNC on the new PDC`,
			why: 'The newly installed DSMN holds its own empty database open while it runs.',
			confirmation: {kind: 'yes-no'},
		},
		{
			id: 'copy-backup',
			title: `Copy the backup into SYNCAGNT\\${NEW_PDC_BACKUP_FOLDER}`,
			kb: `${cite('new-pdc')}, steps 4 and 5: create a backup subdirectory of SYNCAGNT and copy MSSYNC.MDB, SYSTEM.MDB, JET*.LOG and *.PAT there`,
			why: `On a new PDC the backup goes into a subfolder, not over the new installation's files: nothing of the new installation is replaced, and a roll back only removes the copies (${cite('new-pdc')}).`,
			confirmation: {kind: 'typed', word: 'RESTORE'},
		},
		{
			id: 'start-service',
			title: 'Start MSSYNC',
			kb: `${cite('new-pdc')}, step 6: start the DSMN service on the new PDC`,
			why: 'MSSYNC starts with the database from the backup subfolder.',
			confirmation: {kind: 'yes-no'},
		},
		{
			id: 'synchronize',
			title: 'Synchronize all servers',
			kb: `${cite('new-pdc')}, step 7: Synchronize All Servers from the NetWare Server menu`,
			why: `DSMN on the new PDC brings every managed server up to the restored database; depending on the number of servers and accounts, it may take a long time (${cite('new-pdc')}).`,
			confirmation: {kind: 'yes-no'},
			manual: manualSync,
		},
	];
}

/**
 * A restore refused by the role the server reports (`rpcclient -c srvinfo`): DSMN runs only on the PDC,
 * so a restore on a BDC (either situation) is refused, with what to do. The server cannot tell "the PDC
 * that ran DSMN" from "a BDC promoted since": that stays the admin's answer. Undefined: go on.
 */
export function restoreRoleRefusal(role: ServerRole | 'other' | undefined, pdc: PdcSituation): {message: string; advice: string} | undefined {
	if (role !== 'bdc') return undefined;
	return {
		message: 'the server reports itself as a BDC (rpcclient srvinfo): MSSYNC runs only on the PDC, so nothing was changed',
		advice:
			pdc === 'new'
				? 'promote this BDC to PDC in Server Manager first (Computer ▸ Promote to Primary Domain Controller), install DSMN on it if not done, then run again'
				: 'point the tool at the PDC (--host NAME); if the PDC was lost, promote this BDC first, then run again with --pdc new',
	};
}
