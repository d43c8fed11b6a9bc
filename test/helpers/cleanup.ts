/**
 * A vitest setup file (vitest.config.ts): runs before every test file and removes its temporary folders,
 * each test's after that test, those made in a beforeAll after the file (test/helpers/temp-dirs.ts).
 * Registered first, its beforeEach runs before the file's and its afterAll after the file's.
 */
import {afterAll, afterEach, beforeEach} from 'vitest';
import {removeFileTempDirs, removeTempDirs, testBegins} from './temp-dirs.js';

beforeEach(testBegins);
afterEach(removeTempDirs);
afterAll(removeFileTempDirs);
