/**
 * What every menu screen shares: the sea backdrop, the focus ring, the store, and cleanup on
 * shutdown (store subscriptions removed, the DOM mirror cleared) so restarts leak nothing.
 */
import { Scene } from 'phaser';
import { appStore } from '../../store/app';
import type { AppActions, AppState } from '../../store/index';
import { clearScreen } from '../../ui/dom';
import { publish } from '../../testHook';
import { SCREEN_SCENES } from '../director';
import { addBackdrop } from './backdrop';
import { FocusRing } from './focusRing';

export abstract class MenuScene extends Scene {
  protected readonly store = appStore;
  protected ring!: FocusRing;
  private cleanups: (() => void)[] = [];

  /** Call first in create(): draws the backdrop and sets up focus and cleanup. */
  protected begin(): void {
    addBackdrop(this);
    this.ring = new FocusRing(this);
    this.events.once('shutdown', () => {
      for (const cleanup of this.cleanups.splice(0)) cleanup();
      // A button hovered as the screen changed would otherwise leave the hand cursor behind.
      this.input.setDefaultCursor('default');
      clearScreen();
    });
  }

  /** Call last in create(): tells the test hook which scene is up. */
  protected ready(): void {
    publish({ scene: this.scene.key });
  }

  protected get state(): AppState {
    return this.store.getState();
  }

  protected get actions(): AppActions {
    return this.store.getState().actions;
  }

  /**
   * Draws the screen again from the store (focus stays on the same control), unless the store has
   * moved to another screen meanwhile: the director is then replacing this scene.
   */
  protected redraw(): void {
    if (SCREEN_SCENES[this.state.screen] === this.scene.key) this.scene.restart();
  }

  /** Calls `listener` when the selected part of the state changes, until the scene shuts down. */
  protected watch<T>(select: (state: AppState) => T, listener: (value: T) => void): void {
    this.cleanups.push(
      this.store.subscribe((state, previous) => {
        const value = select(state);
        if (value !== select(previous)) listener(value);
      }),
    );
  }
}
