// 中文 / English: the pane's language, switchable on every screen. The choice is kept in local settings
// (language-setting.ts) and wins over Office's or the browser's display language from then on.
import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { localeOf, translate, useLang, type Lang } from '../i18n';
import { saveLanguage } from '../services/language-setting';
import type { KeyValueStore } from '../services/settings';

const SetLangContext = createContext<((lang: Lang) => void) | null>(null);

/** Holds the language for everything under it; `children` renders with the current one. */
export function LanguageRoot({ initial, store, children }: { initial: Lang; store: KeyValueStore; children: (lang: Lang) => ReactNode }) {
  const [lang, setLang] = useState(initial);
  useEffect(() => {
    document.documentElement.lang = localeOf(lang);
    document.title = translate(lang, 'app.title');
  }, [lang]);
  const choose = (next: Lang) => {
    saveLanguage(store, next);
    setLang(next);
  };
  return <SetLangContext.Provider value={choose}>{children(lang)}</SetLangContext.Provider>;
}

const useStyles = makeStyles({ group: { display: 'inline-flex', columnGap: tokens.spacingHorizontalXXS } });

const CHOICES: { lang: Lang; label: string; locale: string }[] = [
  { lang: 'zh', label: '中文', locale: 'zh-CN' },
  { lang: 'en', label: 'English', locale: 'en' },
];

/** Nothing outside a LanguageRoot (tests that render one screen). */
export function LanguageSwitch() {
  const choose = useContext(SetLangContext);
  const lang = useLang();
  const styles = useStyles();
  if (!choose) return null;
  return (
    <div role="group" aria-label={lang === 'en' ? 'Language / 语言' : '语言 / Language'} className={styles.group}>
      {CHOICES.map((c) => (
        <ToggleButton key={c.lang} size="small" lang={c.locale} checked={lang === c.lang} onClick={() => choose(c.lang)}>
          {c.label}
        </ToggleButton>
      ))}
    </div>
  );
}
