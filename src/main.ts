import { AUTO, Game, Scale } from 'phaser';
import { Boot } from './scenes/Boot';
import { Preloader } from './scenes/Preloader';
import { Title } from './scenes/Title';
import { installTestHook, snapshot } from './testHook';
import { setLoadingMessage } from './ui/dom';

installTestHook();

// A failure before the title shows is reported in place of the loading message, never a blank page.
window.addEventListener('error', (event) => {
  if (!snapshot().ready) setLoadingMessage(`Close Yet Distant could not start: ${event.message}`);
});

export const game = new Game({
  type: AUTO,
  title: 'Close Yet Distant',
  version: snapshot().version,
  parent: 'game',
  backgroundColor: '#0b1020',
  roundPixels: true,
  scale: {
    mode: Scale.FIT,
    autoCenter: Scale.CENTER_BOTH,
    width: 1280,
    height: 720,
  },
  scene: [Boot, Preloader, Title],
});
