/** A vitest setup file (vitest.config.ts): runs before every test file, and removes its temporary folders after each test. */
import {afterEach} from 'vitest';
import {removeTempDirs} from './temp-dirs.js';

afterEach(removeTempDirs);
