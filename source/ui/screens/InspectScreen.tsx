import {Box, Text} from 'ink';
import type {Screen} from '../../procedure/wizard-state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {Select} from '../widgets/Select.js';

export function InspectScreen({screen, rows, onContinue}: {screen: Extract<Screen, {name: 'inspect'}>; rows: number; onContinue: () => void}) {
	const glyphs = useGlyphs();
	const red = screen.servers.filter(s => !s.synchronized);
	const room = Math.max(3, rows - 14);
	const shown = screen.servers.length > room ? [...red, ...screen.servers.filter(s => s.synchronized)].slice(0, room - 1) : screen.servers;
	return (
		<Box flexDirection="column">
			<Text>
				SYNCAGNT <Text color="cyan">{safeText(screen.syncagnt)}</Text> ({screen.files} files)
			</Text>
			<Text>
				Service MSSYNC: <Text color={screen.service === 'RUNNING' ? 'green' : 'yellow'}>{screen.service}</Text>
			</Text>
			<Text bold>Managed NetWare servers</Text>
			{shown.map(server => (
				<Text key={server.name}>
					<Text color={server.synchronized ? 'green' : 'red'}>{server.synchronized ? glyphs.ok : glyphs.error}</Text> {safeText(server.name).padEnd(8)}{' '}
					<Text dimColor>{server.synchronized ? 'synchronized' : safeText(server.problem ?? 'not synchronized')}</Text>
				</Text>
			))}
			{shown.length < screen.servers.length ? <Text dimColor>… and {screen.servers.length - shown.length} more synchronized</Text> : null}
			<Text>
				{red.length === 0 ? 'Every server shows a blue check: there may be nothing to do.' : `${red.length} of ${screen.servers.length} servers show a red X.`}
			</Text>
			<Select items={[{label: 'Continue', value: 'continue'}]} onSelect={onContinue} />
		</Box>
	);
}
