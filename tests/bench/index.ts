/** `npm run bench`: every benchmark in one run, figures printed against their targets. */
import { runEngineBench } from './engine.bench';
import { runSizeBench } from './size.bench';

const engine = runEngineBench();
const size = runSizeBench();
const allPass = (engine as { pass?: boolean }).pass !== false && size;
console.log(`\nBenchmarks: ${allPass ? 'all targets met' : 'some targets missed (see FAIL lines)'}`);
