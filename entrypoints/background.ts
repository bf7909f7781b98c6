import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Message router is added below.
});
