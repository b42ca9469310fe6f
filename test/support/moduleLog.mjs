/**
 * `node --import` this file to log every ES module the process loads, one URL a line, to the
 * file named by ASSESS_MODULE_LOG: how the start-up tests see what a command loads.
 */
import { register } from 'node:module';

register('./moduleLogHooks.mjs', import.meta.url);
