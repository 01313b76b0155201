/** Display preferences: three text sizes and the theme, remembered, applied on <html>. */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { usePrefsStore } from '../../../renderer/src/stores/prefs';
import { installFakeStorage, removeFakeStorage } from '../fake-storage';

beforeEach(() => {
  installFakeStorage();
  setActivePinia(createPinia());
});
afterEach(() => removeFakeStorage());

describe('prefs store', () => {
  it('starts on the middle size and the system theme, remembers a choice, ignores a bad stored value', async () => {
    const a = usePrefsStore();
    expect([a.fontSize, a.theme]).toEqual(['vua', 'he-thong']);
    a.setFontSize('rat-lon');
    a.setTheme('toi');
    setActivePinia(createPinia());
    const b = usePrefsStore();
    expect([b.fontSize, b.theme]).toEqual(['rat-lon', 'toi']);
    globalThis.localStorage.setItem('tra-cuu:co-chu', 'khong-co');
    setActivePinia(createPinia());
    expect(usePrefsStore().fontSize).toBe('vua');
    await nextTick();
  });
});
