/** The sea behind every menu screen, and the keyboard hint along its bottom edge. */
import type { Scene } from 'phaser';
import { COLORS, CSS_COLORS, fontPx } from '../../theme';
import { addText } from './text';

export function addBackdrop(scene: Scene): void {
  const { width, height } = scene.scale;
  const g = scene.add.graphics();
  g.fillGradientStyle(COLORS.skyTop, COLORS.skyTop, COLORS.skyBottom, COLORS.skyBottom, 1);
  g.fillRect(0, 0, width, height);
  // Swell lines on the sea, in a fixed pattern.
  g.lineStyle(2, COLORS.seaLine, 0.25);
  for (let row = 0; row < 12; row++) {
    const y = 40 + row * 58;
    for (let col = 0; col < 9; col++) {
      const x = ((row * 97 + col * 151) % width) + (row % 2) * 40;
      g.lineBetween(x, y, x + 34, y);
    }
  }
}

/** The keys that work on this screen, listed along the bottom edge. */
export function addKeyHint(scene: Scene, text: string): void {
  const { width, height } = scene.scale;
  addText(scene, width / 2, height - 14, text, { size: 15, color: CSS_COLORS.muted, align: 'center', wrap: width - 80 }).setOrigin(0.5, 1);
}

/** The top of a row of buttons (of unscaled font `size`) along the bottom, clear of the key hint. */
export function footerTop(scene: Scene, size = 24): number {
  const buttonHeight = fontPx(size) + fontPx(18) + 6;
  return scene.scale.height - fontPx(15) - 26 - buttonHeight;
}
