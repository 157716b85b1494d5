/**
 * Offline play: the service worker vite-plugin-pwa builds precaches the game (shell, shipped
 * scenarios, map) and caches the fonts and sounds a visit uses, so a second visit plays with no
 * network. A new version waits until the player takes it from the title, between games, never
 * mid-turn. The registration is loaded after the title is up, off the boot's path, and is not an
 * inline script (our CSP holds).
 */
import { t } from '../i18n';
import type { AppStore } from '../store';
import { announce } from './announce';

let applyUpdate: (() => Promise<void>) | undefined;

/**
 * Registers the service worker once `titleUp` settles. On the dev server the plugin's module
 * registers nothing (so no check of import.meta.env here: a build under a test runner reads as DEV).
 */
export function startOffline(store: AppStore, titleUp: Promise<unknown>): void {
  if (!('serviceWorker' in navigator)) return;
  void titleUp.then(async () => {
    const { registerSW } = await import('virtual:pwa-register');
    applyUpdate = registerSW({
      immediate: true,
      onNeedRefresh: () => store.getState().actions.setUpdateReady(true),
      onOfflineReady: () => announce(t('title.offlineReady')),
      onRegisterError: (error: unknown) => console.warn('The game could not be made available offline:', error),
    });
  });
}

/**
 * Takes the waiting version: the page reloads into it once it is in control (the save is in
 * storage, untouched). The reload is ours: the plugin reloads only for a version this page itself
 * installed, not one the browser found on its own (workbox-window's "external" update).
 */
export function takeUpdate(): void {
  const workers = navigator.serviceWorker;
  // A page the old version controls reloads when the new one takes over; a page loaded before any
  // version was installed (the first visit) is controlled by none, so it reloads once asked.
  if (workers.controller) workers.addEventListener('controllerchange', () => location.reload(), { once: true });
  void applyUpdate?.().then(() => {
    if (!workers.controller) location.reload();
  });
}
