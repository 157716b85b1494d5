/** Canvas text in the game's look: every size scaled by the text-size setting, always sharp. */
import type { GameObjects, Scene, Types } from 'phaser';
import { CSS_COLORS, FONT_JA, FONT_KO, FONT_LATIN, fontSize, textResolution } from '../../theme';
import { currentLanguage } from '../../i18n';

/** The font stack for the current language (its own CJK font first, so characters take its forms). */
export function fontFamily(): string {
  const lang = currentLanguage();
  return lang === 'ja' ? FONT_JA : lang === 'ko' ? FONT_KO : FONT_LATIN;
}

export interface TextOptions {
  /** Unscaled size in pixels at normal text size. */
  readonly size?: number;
  readonly color?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Wraps at this width (CJK text wraps between characters too). */
  readonly wrap?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly lineSpacing?: number;
  /** Keeps the size as given whatever the text-size setting (display type that is already large). */
  readonly unscaled?: boolean;
}

export function textStyle(options: TextOptions = {}): Types.GameObjects.Text.TextStyle {
  const style: Types.GameObjects.Text.TextStyle = {
    fontFamily: fontFamily(),
    fontSize: options.unscaled ? `${options.size ?? 20}px` : fontSize(options.size ?? 20),
    color: options.color ?? CSS_COLORS.text,
    resolution: textResolution(),
    align: options.align ?? 'left',
    padding: { y: 3 },
  };
  const weight = [options.italic ? 'italic' : '', options.bold ? 'bold' : ''].filter(Boolean).join(' ');
  if (weight) style.fontStyle = weight;
  if (options.wrap) style.wordWrap = { width: options.wrap, useAdvancedWrap: true };
  if (options.lineSpacing !== undefined) style.lineSpacing = options.lineSpacing;
  return style;
}

export function addText(scene: Scene, x: number, y: number, text: string, options?: TextOptions): GameObjects.Text {
  return scene.add.text(x, y, text, textStyle(options));
}

/** A screen's heading: large, gold, with a thin rule under it. Returns the y below the rule. */
export function addHeading(scene: Scene, x: number, y: number, text: string, width: number): number {
  const heading = addText(scene, x, y, text, { size: 40, bold: true, color: CSS_COLORS.gold, wrap: width });
  const bottom = y + heading.height + 6;
  scene.add.graphics().lineStyle(2, 0xf2c14e, 0.5).lineBetween(x, bottom, x + width, bottom);
  return bottom + 16;
}
