import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

export const THEME_NAMES = ['light', 'dark', 'contrast'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export const FLUENT_THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Teams names its themes 'default', 'dark' and 'contrast'. */
export function themeFromTeams(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEME_NAMES as readonly string[]).includes(value);
}

const THEME_KEY = 'pbs.theme';

export function storedTheme(): ThemeName {
  try {
    const value = window.localStorage.getItem(THEME_KEY);
    if (isThemeName(value)) return value;
  } catch {
    // Blocked storage: fall back to light.
  }
  return 'light';
}

export function storeTheme(theme: ThemeName): void {
  try {
    window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Not persisting the choice is acceptable.
  }
}
