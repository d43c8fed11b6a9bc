import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

export function ConsequencesScreen({screen, choice}: {screen: Extract<Screen, {name: 'consequences'}>; choice: ChoiceView}) {
	const glyphs = useGlyphs();
	return (
		<Box flexDirection="column">
			<Text bold color="yellow">
				{glyphs.warning} Without a backup, the NetWare account information is reconstructed (KB Q148678)
			</Text>
			<Text>
				{glyphs.bullet} For each server you choose{screen.servers.length ? ` (those with a red X: ${screen.servers.map(safeText).join(', ')})` : ''},
				WINNT_SYNC_AGENT is deleted and the server is added back to the domain.
			</Text>
			<Text>
				{glyphs.bullet} Every propagated user{screen.users === undefined ? '' : ` — ${screen.users} of them —`} gets a new password: they must be told it.
			</Text>
			<Text>{glyphs.bullet} You need a NetWare Supervisor (or equivalent) login on each server: to delete WINNT_SYNC_AGENT and to add the server back.</Text>
			<Text>{glyphs.bullet} Restoring a server's bindery from its backup (optional) undoes every change made on it since that backup.</Text>
			{(screen.warnings ?? []).map(warning => (
				<Text key={warning} color="yellow">
					{glyphs.warning} {safeText(warning)}
				</Text>
			))}
			<Select {...choice} />
		</Box>
	);
}
