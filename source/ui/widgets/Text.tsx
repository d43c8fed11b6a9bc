/**
 * Ink's Text, with the program's own words in ASCII when the terminal draws ASCII only: the replacement
 * happens before Ink lays the text out, so "…" becoming "..." keeps its columns right.
 */
import {Text as InkText} from 'ink';
import {Children, type ComponentProps, type ReactNode} from 'react';
import {toAscii} from '../../text/ascii.js';
import {useGlyphs} from '../theme.js';

function asciiChildren(children: ReactNode): ReactNode {
	return Children.map(children, child => (typeof child === 'string' ? toAscii(child) : child));
}

export function Text({children, ...props}: ComponentProps<typeof InkText>) {
	const {ascii} = useGlyphs();
	// Ink truncates with "…": in ASCII, the text is cut by hand instead (see truncate in App's footer).
	return <InkText {...props}>{ascii ? asciiChildren(children) : children}</InkText>;
}
