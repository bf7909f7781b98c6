import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OptionsApp } from '@/components/options/OptionsApp';
import { makeGuidelines, makeSettings } from './options-popup.helpers';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '#');
});

describe('options: translation defaults', () => {
  it('sets the default target language and the bilingual separator', async () => {
    const { settings } = await makeSettings();
    const guidelines = await makeGuidelines(settings);
    window.history.replaceState(null, '', '#translation');
    render(<OptionsApp settings={settings} guidelines={guidelines} browserLanguage="en-US" />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Default target language'), 'km');
    await user.selectOptions(screen.getByLabelText('Between the original and the translation'), 'A line with a dash');
    await waitFor(() => expect(settings.getState().user.targetLanguage).toBe('km'));
    expect(settings.getState().user.bilingualSeparator).toBe('\n\n———\n\n');
  });
});
