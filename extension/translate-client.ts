import { sendToBackground } from '@/extension/messaging';
import { confirmCloudResponseSchema, translatePlanResponseSchema, translateResponseSchema, type TranslateClient } from '@/lib/messages';

/**
 * Translation requests to the background (content script, studio). Replies are validated: a
 * malformed reply is an error, never shown as a translation.
 */
export const backgroundTranslateClient: TranslateClient = {
  async plan(request) {
    const reply = await sendToBackground({ type: 'envoy:translate-plan', ...request });
    const parsed = translatePlanResponseSchema.safeParse(reply);
    if (!parsed.success) throw new Error('invalid reply');
    return parsed.data;
  },
  async requestAccess(origin) {
    const reply = await sendToBackground({ type: 'envoy:request-host-access', origin });
    return reply?.granted === true;
  },
  async translate(request) {
    const reply = await sendToBackground({ type: 'envoy:translate', ...request });
    const parsed = translateResponseSchema.safeParse(reply);
    if (!parsed.success) throw new Error('invalid reply');
    return parsed.data;
  },
  async confirmCloud(destination) {
    const reply = confirmCloudResponseSchema.safeParse(await sendToBackground({ type: 'envoy:confirm-cloud', destination }));
    return reply.success && reply.data.ok ? reply.data.token : undefined;
  },
};
