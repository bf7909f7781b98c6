import { DRAFT_280 } from './tests/bench/engine.bench';
const T = (label: string, fn: () => unknown, n = 20000) => { for (let i=0;i<2000;i++) fn(); const t=performance.now(); for (let i=0;i<n;i++) fn(); console.log(label.padEnd(12), ((performance.now()-t)/n*1000).toFixed(2), 'us'); };
T('nfc', () => DRAFT_280.normalize('NFC') === DRAFT_280);
T('lower', () => DRAFT_280.toLowerCase());
const codes = new Uint16Array(300);
T('fromCharCode', () => String.fromCharCode.apply(null, codes.subarray(0, 280) as any));
T('loop', () => { let x = 0; for (let i = 0; i < DRAFT_280.length; i++) x += DRAFT_280.charCodeAt(i); return x; });
