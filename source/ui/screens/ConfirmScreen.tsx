import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {Select} from '../widgets/Select.js';
import {TextField} from '../widgets/TextField.js';

export function ConfirmScreen({
	screen,
	canGoBack,
	onConfirm,
	onDecline,
	onBack,
}: {
	screen: Extract<Screen, {name: 'confirm'}>;
	canGoBack: boolean;
	onConfirm: () => void;
	onDecline: () => void;
	onBack: () => void;
}) {
	const glyphs = useGlyphs();
	const {title} = screen;
	return (
		<Box flexDirection="column">
			<Text bold color={screen.word ? 'red' : 'yellow'}>
				{glyphs.warning} {title}
			</Text>
			{screen.changes.map((line, i) => (
				<Text key={i}>{safeText(line)}</Text>
			))}
			{screen.word ? (
				<>
					<Text>
						Read what it changes above, and whether it can be undone. Type <Text bold>{screen.word}</Text> and press Enter to go on.
					</Text>
					<TextField label="> " value={screen.typed} />
					{screen.error ? <Text color="yellow">{screen.error}</Text> : null}
				</>
			) : (
				<Select
					initialIndex={0}
					items={[
						{label: `Yes — ${title}`, value: 'yes'},
						{label: canGoBack ? 'No — go back (nothing has been changed)' : 'Not now — leave; start again later to resume', value: 'no'},
					]}
					onSelect={value => (value === 'yes' ? onConfirm() : canGoBack ? onBack() : onDecline())}
				/>
			)}
		</Box>
	);
}
