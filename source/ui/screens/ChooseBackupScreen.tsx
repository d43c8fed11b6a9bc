import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {formatBytes, formatDate} from '../../text/format.js';
import {safeText} from '../../text/sanitize.js';
import {TextField} from '../widgets/TextField.js';

export function ChooseBackupScreen({screen}: {screen: Extract<Screen, {name: 'choose-backup'}>}) {
	return (
		<Box flexDirection="column">
			<Text bold>Which folder holds the backup?</Text>
			<TextField label="Folder: " value={safeText(screen.input)} cursor={screen.cursor} />
			{screen.candidates.length > 0 ? <Text dimColor>{screen.candidates.map(safeText).join('  ')}</Text> : null}
			{screen.error ? <Text color="yellow">{screen.error}</Text> : null}
			{screen.suggestions.length > 0 ? (
				<>
					<Text dimColor>Found nearby (newest first):</Text>
					{screen.suggestions.slice(0, 4).map(s => (
						<Text key={s.folder} dimColor>
							{'  '}
							{safeText(s.folder)} — {formatDate(s.modified)}, {s.files} files, {formatBytes(s.size)}
							{s.madeByTool
								? ` — made by dsmn-resync: ${s.madeByTool.includes('before-restore') ? 'the database a restore replaced' : 'files a roll back took out'}, not a backup`
								: ''}
						</Text>
					))}
				</>
			) : null}
			<Text dimColor>Type a path (Tab completes), then Enter: it is checked before anything is changed.</Text>
		</Box>
	);
}
