/** lib/privacy: what leaves the device under given settings. */
import { describe, expect, it } from 'vitest';
import { describeDataFlows } from '@/lib/privacy';

describe('describeDataFlows', () => {
  it('on-device only by default: nothing leaves the device', () => {
    const r = describeDataFlows({ translationProviders: [{ type: 'chrome' }], allowCloudTranslation: false });
    expect(r.draftsLeaveDevice).toBe(false);
    expect(r.translation[0]).toMatchObject({ type: 'chrome', leavesDevice: false, cloud: false, used: true });
  });

  it('lists each service with its destination host and whether it is a cloud service', () => {
    const providers = [
      { type: 'apertium' as const, endpoint: 'https://mt.mfaic.gov.kh/apy' },
      { type: 'libretranslate' as const, endpoint: 'https://libretranslate.com', apiKey: 'l' },
      { type: 'deepl' as const, apiKey: 'k:fx' },
      { type: 'google' as const, apiKey: 'g' },
      { type: 'microsoft' as const, apiKey: 'm', region: 'westeurope' },
    ];
    const off = describeDataFlows({ translationProviders: providers, allowCloudTranslation: false });
    expect(off.translation.map((f) => [f.destination, f.cloud, f.used])).toEqual([
      ['mt.mfaic.gov.kh', false, true],
      ['libretranslate.com', true, false],
      ['api-free.deepl.com', true, false],
      ['translation.googleapis.com', true, false],
      ['api.cognitive.microsofttranslator.com', true, false],
    ]);
    expect(off.translation.slice(1).every((f) => f.reason === 'cloud-not-allowed')).toBe(true);
    expect(off.draftsLeaveDevice).toBe(true);
    const on = describeDataFlows({ translationProviders: providers, allowCloudTranslation: true });
    expect(on.translation.every((f) => f.used)).toBe(true);
  });

  it('marks services that are not fully set up as unused', () => {
    const r = describeDataFlows({ translationProviders: [{ type: 'deepl' }, { type: 'apertium' }], allowCloudTranslation: true });
    expect(r.translation.map((f) => [f.used, f.reason, f.cloud])).toEqual([
      [false, 'not-configured', true],
      [false, 'not-configured', false],
    ]);
    expect(r.draftsLeaveDevice).toBe(false);
  });
});
