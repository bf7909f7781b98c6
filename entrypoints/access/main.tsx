import { browser } from 'wxt/browser';
import { mountPage } from '@/components/mount';
import { HostAccessApp } from '@/components/access/HostAccessApp';
import { ensureOrigin } from '@/extension/permissions';
import { settingsStore } from '@/extension/settings';

/**
 * The one-button page the in-page panel opens (through the background) when an organisation's
 * translation server cannot be reached without a host permission: browsers show the permission
 * prompt only from a click on an extension page.
 */
mountPage(
  <HostAccessApp
    settings={settingsStore()}
    browserLanguage={browser.i18n.getUILanguage()}
    origin={new URLSearchParams(location.search).get('origin')}
    request={ensureOrigin}
    close={() => window.close()}
  />,
);
