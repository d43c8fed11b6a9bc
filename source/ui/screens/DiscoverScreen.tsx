import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {formatBytes, formatDate} from '../../text/format.js';
import {safeText} from '../../text/sanitize.js';
import {Select} from '../widgets/Select.js';
import {TextField} from '../widgets/TextField.js';

export function DiscoverScreen({screen, onChoose}: {screen: Extract<Screen, {name: 'discover'}>; onChoose: (folder: string) => void}) {
	const usable = screen.results?.filter(r => !r.live) ?? [];
	return (
		<Box flexDirection="column">
			<Text bold>Search for backup sets</Text>
			{screen.results === undefined ? (
				<>
					<TextField label="Search under: " value={safeText(screen.input)} />
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
					<Select
						items={usable.slice(0, 8).map(r => ({
							label: `${safeText(r.folder)} — ${formatDate(r.modified)}, ${r.files} files, ${formatBytes(r.size)}${r.madeByTool ? ` — made by dsmn-resync: ${r.madeByTool.includes('before-restore') ? 'the database a restore replaced' : 'files a roll back took out'}, not a backup` : ''}`,
							value: r.folder,
						}))}
						onSelect={onChoose}
					/>
				</>
			)}
		</Box>
	);
}
