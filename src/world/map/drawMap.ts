/**
 * Draws the map of Northeast Asia (public/map/northeast-asia.json) into a Phaser Container: sea,
 * land, coastlines, the capitals, the disputed islands and the sea with both sides' names.
 */
import { Geom, type GameObjects, type Scene } from 'phaser';
import { FONT_JA, FONT_KO, FONT_LATIN, MAP_COLORS, MAP_CSS_COLORS, fontPx, textResolution } from '../../theme';
import type { CountryId, MapData, MapLanguage, MapPlace, MapRing } from './mapData';

export interface MapFrame {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MapOptions {
  readonly language: MapLanguage;
  /** The player's capital, drawn with a gold ring and a gold label. */
  readonly highlight?: 'tokyo' | 'seoul';
}

/** How map units land in the frame: the whole map, as large as fits, centred. */
export interface MapPlacement {
  /** Game pixels per map unit. */
  readonly scale: number;
  /** Top-left corner of the map in the scene. */
  readonly x: number;
  readonly y: number;
}

export function placeMap(data: MapData, frame: MapFrame): MapPlacement {
  const scale = Math.min(frame.width / data.width, frame.height / data.height);
  return {
    scale,
    x: frame.x + (frame.width - data.width * scale) / 2,
    y: frame.y + (frame.height - data.height * scale) / 2,
  };
}

const FONTS: Readonly<Record<MapLanguage, string>> = { en: FONT_LATIN, ja: FONT_JA, ko: FONT_KO };

function landColor(id: CountryId): number {
  if (id === 'jp') return MAP_COLORS.japan;
  if (id === 'kr') return MAP_COLORS.korea;
  if (id === 'kp') return MAP_COLORS.northKorea;
  return MAP_COLORS.other;
}

/**
 * Strokes a ring's coastline, leaving out the straight runs along the map's edge that clipping
 * added (those are not coast).
 */
function strokeCoast(g: GameObjects.Graphics, ring: MapRing, data: MapData, s: number): void {
  const onSameEdge = (a: readonly [number, number], b: readonly [number, number]): boolean =>
    (a[0] === b[0] && (a[0] === 0 || a[0] === data.width)) || (a[1] === b[1] && (a[1] === 0 || a[1] === data.height));
  g.beginPath();
  let drawing = false;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    if (onSameEdge(a, b)) {
      drawing = false;
      continue;
    }
    if (!drawing) g.moveTo(a[0] * s, a[1] * s);
    g.lineTo(b[0] * s, b[1] * s);
    drawing = true;
  }
  g.strokePath();
}

function fillRing(g: GameObjects.Graphics, ring: MapRing, s: number): void {
  g.beginPath();
  ring.forEach(([x, y], i) => (i === 0 ? g.moveTo(x * s, y * s) : g.lineTo(x * s, y * s)));
  g.closePath();
  g.fillPath();
}

/** Origin and offset that put a label on the given side of its point. */
function labelAnchor(place: MapPlace, gap: number): { ox: number; oy: number; dx: number; dy: number } {
  switch (place.label) {
    case 'n':
      return { ox: 0.5, oy: 1, dx: 0, dy: -gap };
    case 's':
      return { ox: 0.5, oy: 0, dx: 0, dy: gap };
    case 'e':
      return { ox: 0, oy: 0.5, dx: gap, dy: 0 };
    case 'w':
      return { ox: 1, oy: 0.5, dx: -gap, dy: 0 };
  }
}

/** Each map texture gets its own key (the next turn screen draws its map before the last is gone). */
let textureCount = 0;

/** Room round the map's shapes in its texture, for the half of the edge line that lies outside. */
const MARGIN = 2;

/**
 * Draws the map into a new Container placed so the map fits `frame`. The shapes (thousands of
 * coastline points) are drawn once, by the browser's canvas, into a texture at the text resolution
 * and shown as one Image: as a Graphics they would be triangulated and drawn again every frame,
 * which cost a software-rendered Chromebook most of its frame rate on the turn screen. Labels stay
 * Text. Both are drawn at the final size (the container is not scaled), so they stay sharp.
 */
export function drawMap(scene: Scene, data: MapData, frame: MapFrame, options: MapOptions): GameObjects.Container {
  const { scale: s, x, y } = placeMap(data, frame);
  const container = scene.add.container(x, y);
  const resolution = textResolution();
  const fontFamily = FONTS[options.language];
  // Text sizes follow the map's size (never below what a classroom projector shows) and the
  // player's text-size setting.
  const px = (size: number): string => `${fontPx(Math.max(11, Math.round(size * Math.min(1.4, s))))}px`;

  // A Graphics kept off the display list, only to record the drawing. The texture is `resolution`
  // times the map's size (as Text is), with a margin; the image is shown scaled down by as much.
  const g = scene.make.graphics({}, false);
  g.scaleCanvas(resolution, resolution).translateCanvas(MARGIN, MARGIN);
  g.fillStyle(MAP_COLORS.sea, 1);
  g.fillRect(0, 0, data.width * s, data.height * s);

  // Muted neighbours first, so the two players' countries are drawn on top of shared borders.
  const order = (id: CountryId): number => (id === 'jp' || id === 'kr' ? 1 : 0);
  const countries = [...data.countries].sort((a, b) => order(a.id) - order(b.id));
  for (const country of countries) {
    g.fillStyle(landColor(country.id), 1);
    for (const ring of country.polygons) fillRing(g, ring, s);
  }
  for (const country of countries) {
    const main = country.id === 'jp' || country.id === 'kr';
    g.lineStyle(main ? 1.25 : 1, main ? MAP_COLORS.coast : MAP_COLORS.border, main ? 0.85 : 0.5);
    for (const ring of country.polygons) strokeCoast(g, ring, data, s);
  }
  g.lineStyle(2, MAP_COLORS.seaEdge, 1);
  g.strokeRect(0, 0, data.width * s, data.height * s);

  const placed: Geom.Rectangle[] = [];
  /**
   * On a small map labels collide (Beijing and Pyongyang, the islands and Tokyo at the turn screen's
   * size). A label tries its own side of the point, then the others; one that fits nowhere gives way
   * (its place keeps only its dot) unless it must be read: the capitals and the disputed islands.
   */
  const label = (place: MapPlace, size: number, color: string, gap: number, bold = false): GameObjects.Text => {
    const t = scene.add
      .text(0, 0, place.name[options.language], {
        fontFamily,
        fontSize: px(size),
        fontStyle: bold ? 'bold' : 'normal',
        color,
        stroke: MAP_CSS_COLORS.labelStroke,
        strokeThickness: 4,
        resolution,
      });
    container.add(t);
    const sides = [place.label, ...(['e', 'n', 's', 'w'] as const).filter((side) => side !== place.label)];
    const boxAt = (side: MapPlace['label']): Geom.Rectangle => {
      const a = labelAnchor({ ...place, label: side }, gap);
      t.setOrigin(a.ox, a.oy).setPosition(place.x * s + a.dx, place.y * s + a.dy);
      return new Geom.Rectangle(t.x - t.displayWidth * t.originX, t.y - t.displayHeight * t.originY, t.displayWidth, t.displayHeight);
    };
    const fits = (box: Geom.Rectangle): boolean => !placed.some((other) => Geom.Intersects.RectangleToRectangle(box, other));
    for (const side of sides) {
      const box = boxAt(side);
      if (fits(box)) {
        placed.push(box);
        return t;
      }
    }
    const mustRead = place.kind === 'islands' || place.id === 'tokyo' || place.id === 'seoul';
    if (mustRead) placed.push(boxAt(place.label));
    else t.setVisible(false);
    return t;
  };

  // Labels are placed in order of importance, so a collision hides the lesser one.
  const rank = (p: MapPlace): number => (p.id === options.highlight ? 0 : p.kind === 'islands' ? 1 : p.kind === 'capital' && (p.id === 'tokyo' || p.id === 'seoul') ? 2 : p.kind === 'sea' ? 3 : p.kind === 'capital' ? 4 : 5);
  for (const place of [...data.places].sort((a, b) => rank(a) - rank(b))) {
    const px0 = place.x * s;
    const py0 = place.y * s;
    switch (place.kind) {
      case 'sea': {
        const t = label(place, 17, MAP_CSS_COLORS.sea, 0);
        // Italic only for Latin script: CJK has no true italic, and a slanted 日本海 looks broken.
        t.setOrigin(0.5).setStroke(MAP_CSS_COLORS.labelStroke, 3);
        if (options.language === 'en') t.setFontStyle('italic');
        break;
      }
      case 'islands': {
        // Two islets, drawn as a pair of dots inside a ring so the tiny islands can be found.
        g.fillStyle(MAP_COLORS.islands, 1);
        g.fillCircle(px0 - 1.5, py0, 1.6);
        g.fillCircle(px0 + 1.5, py0 + 0.5, 1.6);
        g.lineStyle(1.5, MAP_COLORS.islands, 1);
        g.strokeCircle(px0, py0, 6);
        label(place, 14, MAP_CSS_COLORS.islands, 9);
        break;
      }
      case 'capital': {
        const highlighted = place.id === options.highlight;
        g.fillStyle(MAP_COLORS.capital, 1);
        g.fillCircle(px0, py0, 4);
        g.lineStyle(1.5, MAP_COLORS.sea, 1);
        g.strokeCircle(px0, py0, 4);
        if (highlighted) {
          g.lineStyle(2.5, MAP_COLORS.highlight, 1);
          g.strokeCircle(px0, py0, 9);
        }
        label(place, highlighted ? 18 : 16, highlighted ? MAP_CSS_COLORS.highlight : MAP_CSS_COLORS.label, highlighted ? 12 : 8, true);
        break;
      }
      case 'city': {
        g.fillStyle(MAP_COLORS.city, 1);
        g.fillCircle(px0, py0, 2.5);
        g.lineStyle(1, MAP_COLORS.sea, 1);
        g.strokeCircle(px0, py0, 2.5);
        label(place, 13, MAP_CSS_COLORS.city, 6);
        break;
      }
    }
  }

  const key = `map-shapes-${++textureCount}`;
  g.generateTexture(key, Math.ceil((data.width * s + MARGIN * 2) * resolution), Math.ceil((data.height * s + MARGIN * 2) * resolution));
  g.destroy();
  // Under the labels: the container's first child.
  const shapes = scene.add.image(-MARGIN, -MARGIN, key).setOrigin(0, 0).setScale(1 / resolution);
  shapes.once('destroy', () => scene.textures.remove(key));
  container.addAt(shapes, 0);

  const credit = scene.add
    .text(data.width * s - 6, data.height * s - 4, 'Made with Natural Earth', {
      fontFamily: FONT_LATIN,
      fontSize: '11px',
      color: MAP_CSS_COLORS.sea,
      resolution,
    })
    .setOrigin(1, 1)
    .setAlpha(0.8);
  container.add(credit);
  return container;
}
