import { browser } from 'wxt/browser';
import { mountPage } from '@/components/mount';
import { OptionsApp } from '@/components/options/OptionsApp';
import { settingsStore } from '@/extension/settings';

mountPage(<OptionsApp settings={settingsStore()} browserLanguage={browser.i18n.getUILanguage()} />);
