/**
 * Display preferences area: text size (3 steps) and light/dark (following the system unless
 * overridden), kept in localStorage and applied on <html> as data attributes the CSS reads.
 */
import { defineStore } from 'pinia';
import { ref, watchEffect } from 'vue';

export type FontSize = 'vua' | 'lon' | 'rat-lon';
export type Theme = 'he-thong' | 'sang' | 'toi';
export const FONT_SIZES: Array<{ value: FontSize; label: string }> = [
  { value: 'vua', label: 'Chữ vừa' },
  { value: 'lon', label: 'Chữ lớn' },
  { value: 'rat-lon', label: 'Chữ rất lớn' },
];
export const THEMES: Array<{ value: Theme; label: string }> = [
  { value: 'he-thong', label: 'Theo hệ thống' },
  { value: 'sang', label: 'Nền sáng' },
  { value: 'toi', label: 'Nền tối' },
];

const FONT_KEY = 'tra-cuu:co-chu';
const THEME_KEY = 'tra-cuu:giao-dien';

function read<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const v = globalThis.localStorage?.getItem(key) as T | null;
    return v && allowed.includes(v) ? v : fallback;
  } catch {
    return fallback;
  }
}
function write(key: string, v: string): void {
  try {
    globalThis.localStorage?.setItem(key, v);
  } catch {
    // not kept; applies for this session
  }
}

export const usePrefsStore = defineStore('prefs', () => {
  const fontSize = ref<FontSize>(read(FONT_KEY, FONT_SIZES.map((x) => x.value), 'vua'));
  const theme = ref<Theme>(read(THEME_KEY, THEMES.map((x) => x.value), 'he-thong'));

  function setFontSize(v: FontSize): void {
    fontSize.value = v;
    write(FONT_KEY, v);
  }
  function setTheme(v: Theme): void {
    theme.value = v;
    write(THEME_KEY, v);
  }

  watchEffect(() => {
    const root = globalThis.document?.documentElement;
    if (!root) return;
    root.dataset.fontSize = fontSize.value;
    root.dataset.theme = theme.value;
  });

  return { fontSize, theme, setFontSize, setTheme };
});
