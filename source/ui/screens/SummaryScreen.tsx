import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {CommandRows, StartAgainText} from '../widgets/StartAgain.js';

/** What was done and where things are; the footer says Enter leaves (once: not here as well). A command to start again stands on rows of its own. */
export function SummaryScreen({screen, columns = 80}: {screen: Extract<Screen, {name: 'summary'}>; columns?: number}) {
	const glyphs = useGlyphs();
	return (
		<Box flexDirection="column">
			<Text bold color={screen.ok ? 'green' : 'yellow'}>
				{screen.ok ? glyphs.ok : glyphs.warning} {safeText(screen.title)}
			</Text>
			{/* A line after "…start again on this target:" is the command (summary.ts): on rows of its own, never split at a word. */}
			{screen.lines.map((line, i) =>
				i > 0 && /start again on this target:$/.test(screen.lines[i - 1]!) ? (
					<CommandRows key={i} command={safeText(line)} columns={columns} />
				) : (
					<StartAgainText key={i} text={safeText(line)} columns={columns} />
				),
			)}
		</Box>
	);
}
