/** `npm run bench`: every benchmark in one run, figures printed against their targets. */
export {};

// Each bench's modules load just before it runs, the engine's first. twitter-text (imported by the
// counting code the bad-input bench uses) loads core-js 2, whose String.prototype.split polyfill
// made alex about 3× slower for the rest of the process, and so the engine bench's comparison.
const { runEngineBench } = await import('./engine.bench');
const engine = runEngineBench();
const { runBadInputBench } = await import('./bad-input.bench');
const badInput = await runBadInputBench();
const { runSizeBench } = await import('./size.bench');
const size = runSizeBench();
const { runLookupBench } = await import('./lookup.bench');
const lookup = await runLookupBench();
const { runBrowserBench } = await import('./browser.bench');
const browser = await runBrowserBench();
const allPass = engine.pass && badInput && size && lookup && browser;
console.log(`\nBenchmarks: ${allPass ? 'all targets met' : 'some targets missed (see FAIL lines)'}`);
// A missed target fails the command, so a script or a reviewer cannot mistake it for a pass.
if (!allPass) process.exitCode = 1;
