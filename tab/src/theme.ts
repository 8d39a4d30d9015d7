import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TeamsHost } from './teams/host';

export type ThemeName = 'default' | 'dark' | 'contrast';

export const THEMES: Record<ThemeName, Theme> = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

/** Teams' theme names are ours; anything new Teams invents shows as the light theme. */
export function themeFromTeams(name: string | undefined): ThemeName {
  return name === 'dark' || name === 'contrast' ? name : 'default';
}

const asked = (): ThemeName | undefined => {
  const name = new URLSearchParams(window.location.search).get('theme');
  return name === 'dark' || name === 'contrast' || name === 'default' ? name : undefined;
};

const DARK = '(prefers-color-scheme: dark)';
const FORCED = '(forced-colors: active)';

/** Outside Teams: the system's high-contrast or dark mode. */
function systemTheme(): ThemeName {
  if (window.matchMedia?.(FORCED).matches) return 'contrast';
  return window.matchMedia?.(DARK).matches ? 'dark' : 'default';
}

/**
 * The theme to show: Teams' own, following its changes; outside Teams `?theme=` in the address, else
 * the system's setting, following it when the person switches (say, at sunset on a phone).
 */
export function useTheme(host: TeamsHost | undefined): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() => (host ? themeFromTeams(host.context.app.theme) : (asked() ?? systemTheme())));
  useEffect(() => {
    if (host) {
      host.onThemeChange((name) => setTheme(themeFromTeams(name)));
      return;
    }
    if (asked() || !window.matchMedia) return;
    const queries = [window.matchMedia(DARK), window.matchMedia(FORCED)];
    const follow = () => setTheme(systemTheme());
    queries.forEach((query) => query.addEventListener('change', follow));
    return () => queries.forEach((query) => query.removeEventListener('change', follow));
  }, [host]);
  return theme;
}
