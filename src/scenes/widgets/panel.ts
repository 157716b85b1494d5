/** A rounded panel behind a group of widgets. */
import type { GameObjects, Scene } from 'phaser';
import { UI_COLORS } from '../../theme';

export function addPanel(scene: Scene, x: number, y: number, width: number, height: number, edge: number = UI_COLORS.panelEdge): GameObjects.Graphics {
  const g = scene.add.graphics();
  g.fillStyle(UI_COLORS.panel, 0.88);
  g.fillRoundedRect(x, y, width, height, 12);
  g.lineStyle(2, edge, 0.9);
  g.strokeRoundedRect(x, y, width, height, 12);
  return g;
}
