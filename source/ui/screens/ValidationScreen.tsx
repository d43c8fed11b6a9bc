import {Box} from 'ink';
import {Text} from '../widgets/Text.js';
import type {Screen} from '../../wizard/state.js';
import {formatBytes, formatDate} from '../../text/format.js';
import {safeText} from '../../text/sanitize.js';
import {useGlyphs} from '../theme.js';
import {Select, type ChoiceView} from '../widgets/Select.js';

export function ValidationScreen({screen, rows, choice}: {screen: Extract<Screen, {name: 'validation'}>; rows: number; choice: ChoiceView}) {
	const glyphs = useGlyphs();
	const {report} = screen;
	const mark = {ok: glyphs.ok, warning: glyphs.warning, error: glyphs.error};
	const color = {ok: 'green', warning: 'yellow', error: 'red'} as const;
	const room = Math.max(4, rows - 12 - Math.min(6, report.errors.length + report.warnings.length));
	const files =
		report.files.length > room
			? [...report.files.filter(f => f.status !== 'ok'), ...report.files.filter(f => f.status === 'ok')].slice(0, room - 1)
			: report.files;
	const width = Math.min(24, Math.max(4, ...files.map(f => safeText(f.name).length)));
	return (
		<Box flexDirection="column">
			<Text bold>Backup {safeText(report.folder)}</Text>
			{files.map(file => (
				<Text key={file.name} wrap="truncate-end">
					<Text color={color[file.status]}>{mark[file.status]}</Text> {safeText(file.name).slice(0, width).padEnd(width)} {formatBytes(file.size).padStart(9)}{' '}
					{formatDate(new Date(file.mtime))} <Text dimColor>{safeText(file.messages[0] ?? '')}</Text>
				</Text>
			))}
			{files.length < report.files.length ? <Text dimColor>… and {report.files.length - files.length} more files, all fine</Text> : null}
			{report.errors.slice(0, 3).map(e => (
				<Text key={e} color="red">
					{glyphs.error} {safeText(e)}
				</Text>
			))}
			{report.warnings.slice(0, 3).map(w => (
				<Text key={w} color="yellow">
					{glyphs.warning} {safeText(w)}
				</Text>
			))}
			{report.errors.length + report.warnings.length > 6 ? <Text dimColor>(dsmn-resync check {safeText(report.folder)} lists them all)</Text> : null}
			{report.valid ? (
				<Select {...choice} />
			) : (
				<>
					<Text color="red" bold>
						This folder cannot be restored from. Nothing was changed.
					</Text>
					<Select {...choice} />
				</>
			)}
		</Box>
	);
}
