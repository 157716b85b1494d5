/** Canvas text in the game's look: every size scaled by the text-size setting, always sharp. */
import type { GameObjects, Scene, Types } from 'phaser';
import { CSS_COLORS, FONT_JA, FONT_KO, FONT_LATIN, fontSize, textResolution } from '../../theme';
import { currentLanguage } from '../../i18n';
import { breakLines, type BreakRules } from '../../ui/lineBreak';

/** The font stack for the current language (its own CJK font first, so characters take its forms). */
export function fontFamily(): string {
  const lang = currentLanguage();
  return lang === 'ja' ? FONT_JA : lang === 'ko' ? FONT_KO : FONT_LATIN;
}

/** How lines break in the current language: Japanese between characters (kinsoku), Korean and English at spaces. */
export function breakRules(): BreakRules {
  const lang = currentLanguage();
  return lang === 'ja' ? 'ja' : lang === 'ko' ? 'ko' : 'en';
}

export interface TextOptions {
  /** Unscaled size in pixels at normal text size. */
  readonly size?: number;
  readonly color?: string;
  readonly bold?: boolean;
  /** Italic in English; Japanese and Korean show upright. */
  readonly italic?: boolean;
  /** Wraps at this width, by the current language's line-breaking rules (src/ui/lineBreak.ts). */
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
  // Italic only in English: Japanese and Korean have no italic, and slanted kana or hangul look broken.
  const italic = options.italic && currentLanguage() === 'en';
  const weight = [italic ? 'italic' : '', options.bold ? 'bold' : ''].filter(Boolean).join(' ');
  if (weight) style.fontStyle = weight;
  if (options.wrap) {
    // Lines break by the rules of the language shown (Phaser's own wrap knows only spaces); the
    // width is read back from the style, so setWordWrapWidth still works.
    const rules = breakRules();
    const width = options.wrap;
    style.wordWrap = {
      width,
      callback: (text: string, object: GameObjects.Text) => breakLines(text, object.style.wordWrapWidth ?? width, (s) => object.context.measureText(s).width, rules),
    };
  }
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

/**
 * Makes `object` fit in `maxHeight`: shows the first of `texts` that fits (say, a full hint, then a
 * short one); when none does, the last one at a smaller size (not below `minPx`). A note never runs
 * into what lies under it, whatever the language and text size.
 */
export function fitText(object: GameObjects.Text, texts: readonly string[], maxHeight: number, minPx = 9): GameObjects.Text {
  for (const text of texts) {
    object.setText(text);
    if (object.height <= maxHeight) return object;
  }
  let px = parseFloat(String(object.style.fontSize));
  while (object.height > maxHeight && px > minPx) object.setFontSize(`${--px}px`);
  return object;
}

/** Shrinks a one-line text until it is no wider than `maxWidth` (or reaches `minPx`). */
export function fitWidth(object: GameObjects.Text, maxWidth: number, minPx = 12): GameObjects.Text {
  let px = parseFloat(String(object.style.fontSize));
  while (object.width > maxWidth && px > minPx) object.setFontSize(`${--px}px`);
  return object;
}
