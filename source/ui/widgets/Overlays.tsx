import {Box, Text} from 'ink';
import type {Screen} from '../../procedure/wizard-state.js';
import {stepInfo} from '../../procedure/restore-steps.js';

const SCREEN_HELP: Partial<Record<Screen['name'], string>> = {
	target: 'The practice lab is a simulated NT server with DSMN and NetWare servers in a folder: nothing real is touched. Use it to learn the procedure before doing it on a real domain.',
	inspect: 'DSMN shows a red X next to a NetWare server that is not synchronized with the domain. When "Synchronize…" does not clear it, KB Q148678 gives the way back: restore the account synchronization database, or reconstruct.',
	'ask-backup': 'KB Q148678: with a backup of the account synchronization database (MSSYNC.MDB, SYSTEM.MDB, JET*.LOG, *.PAT), restore it. Without one, the NetWare account information must be reconstructed: every propagated user gets a new password.',
	'choose-backup': 'Give the folder that holds MSSYNC.MDB and SYSTEM.MDB from the backup. Nothing is changed until you have seen the checks and confirmed each step.',
	discover: 'The search looks for folders that hold an MSSYNC.MDB, up to five levels down, without following links.',
	validation: 'Errors mean the folder cannot be restored from. Warnings are things to know: the restore can go on once you have read them.',
	plan: 'These are the KB\'s steps. Each one that changes something asks first and names what it changes. A journal records every step, so a run cut off anywhere can be resumed or rolled back.',
	resume: 'A previous run on this target was cut off. Resume continues from the first unfinished step; roll back puts SYNCAGNT and MSSYNC back as they were before it.',
};

export function HelpOverlay({screen}: {screen: Screen}) {
	const step = screen.name === 'confirm' || screen.name === 'running' || screen.name === 'failure' ? screen.step : undefined;
	const info = step && step !== 'rollback' ? stepInfo(step) : undefined;
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
			<Text bold>Why this step</Text>
			{info ? (
				<>
					<Text>{info.why}</Text>
					<Text dimColor>{info.kb}</Text>
				</>
			) : (
				<Text>{step === 'rollback' ? 'Roll back puts SYNCAGNT back byte for byte from the snapshot and leaves MSSYNC as it was found. The files this run copied are kept aside, not deleted.' : (SCREEN_HELP[screen.name] ?? 'Follow the prompts; q leaves at a safe point.')}</Text>
			)}
			<Text dimColor>Any key closes this.</Text>
		</Box>
	);
}

export function QuitOverlay({busy}: {busy: boolean}) {
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
			<Text bold>Leave dsmn-resync?</Text>
			<Text>{busy ? 'A step is running: it will finish to a safe point first, then the wizard leaves.' : 'Everything done so far is in the journal: start again on this target to resume or roll back.'}</Text>
			<Text>
				<Text color="yellow">y</Text> leave · <Text color="cyan">n</Text> or Esc stay
			</Text>
		</Box>
	);
}
