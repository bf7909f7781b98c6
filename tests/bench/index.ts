/** `npm run bench`: every benchmark in one run, figures printed against their targets. */
import { runBadInputBench } from './bad-input.bench';
import { runBrowserBench } from './browser.bench';
import { runEngineBench } from './engine.bench';
import { runLookupBench } from './lookup.bench';
import { runSizeBench } from './size.bench';

const engine = runEngineBench();
const badInput = await runBadInputBench();
const size = runSizeBench();
const lookup = await runLookupBench();
const browser = await runBrowserBench();
const allPass = engine.pass && badInput && size && lookup && browser;
console.log(`\nBenchmarks: ${allPass ? 'all targets met' : 'some targets missed (see FAIL lines)'}`);
// A missed target fails the command, so a script or a reviewer cannot mistake it for a pass.
if (!allPass) process.exitCode = 1;
