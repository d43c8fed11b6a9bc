import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {Select, type ChoiceView} from '../widgets/Select.js';
import {TextField} from '../widgets/TextField.js';

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
					<Text>
						Found {usable.length} backup set{usable.length === 1 ? '' : 's'}, newest first:
					</Text>
					<Select {...choice} />
				</>
			)}
		</Box>
	);
}
