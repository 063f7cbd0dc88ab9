// The frame every screen of the pane renders in: the pane's language for the catalogue, and Fluent's
// theme (webLightTheme, the Office look) with the matching html lang.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { LangContext, localeOf, type Lang } from '../i18n';

export function Shell({ lang, children }: { lang: Lang; children: ReactNode }) {
  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme} lang={localeOf(lang)}>
        {children}
      </FluentProvider>
    </LangContext.Provider>
  );
}
