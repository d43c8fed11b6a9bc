import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {Select, type ChoiceView} from '../widgets/Select.js';
import {TextField} from '../widgets/TextField.js';

/**
 * What the list holds, in the order source/backup/discover.ts gives it: the backup sets, newest first, then
 * the folders dsmn-resync made (not backups), newest first.
 */
function foundLine(usable: readonly {madeByTool?: string | undefined}[]): string {
	const made = usable.filter(r => r.madeByTool !== undefined).length;
	const sets = usable.length - made;
	const setsText = `${sets} backup set${sets === 1 ? '' : 's'}`;
	if (!made) return `Found ${setsText}, newest first:`;
	const madeText = `${made} folder${made === 1 ? '' : 's'} dsmn-resync made (not a backup)`;
	return sets ? `Found ${setsText}, then ${madeText}, each newest first:` : `Found ${madeText}, newest first:`;
}

/** `choice`: the backup sets found, once the search is done. */
export function DiscoverScreen({screen, choice}: {screen: Extract<Screen, {name: 'discover'}>; choice: ChoiceView}) {
	const usable = screen.results?.filter(r => !r.live) ?? [];
	return (
		<Box flexDirection="column">
			<Text bold>Search for backup sets</Text>
			{screen.results === undefined ? (
				<>
					<TextField label="Search under: " value={safeText(screen.input)} cursor={screen.cursor} />
					<Text dimColor>{screen.searching ? 'Searching…' : 'Enter searches (five levels down, links not followed).'}</Text>
				</>
			) : usable.length === 0 ? (
				<Text color="yellow">
					No folder holding an MSSYNC.MDB was found under {safeText(screen.input)}. Esc: search under another folder, such as the paths in Synchronization
					Manager's "Set Database Backup Options" (KB Q188357).
				</Text>
			) : (
				<>
					<Text>{foundLine(usable)}</Text>
					<Select {...choice} />
				</>
			)}
		</Box>
	);
}
