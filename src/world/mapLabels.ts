/**
 * The map's words — the capitals, the cities, Dokdo / Takeshima and the East Sea / Sea of Japan, each
 * named as the language names it — as DOM text over the map's slot, where the world draws the places:
 * the same placement (src/world/placement.ts) puts both. Labels are placed again whenever the slot or a
 * label changes size (language, text size, a resized window), each on the side of its point where it
 * collides with nothing placed before it; a city that fits nowhere gives way, the others always show.
 */
import type { Side } from '../engine/model';
import { HOME } from './map/drawMap';
import type { MapData, MapLanguage, MapPlace } from './map/mapData';
import { loadMap } from './mapSource';
import { placeMap, slotX, slotY } from './placement';
import './mapLabels.css';

type Anchor = MapPlace['label'];

/** Gap in px between a place's point and its label, by kind (past the symbol the world draws there). */
function gap(place: MapPlace, home: boolean): number {
  if (home) return 14;
  return place.kind === 'capital' ? 8 : place.kind === 'islands' ? 10 : place.kind === 'city' ? 5 : 0;
}

/** Half the size of the symbol the world draws at a place (src/world/map/drawMap.ts), in px. */
function symbolRadius(place: MapPlace, home: boolean): number {
  if (home) return 11;
  return place.kind === 'capital' ? 5 : place.kind === 'islands' ? 8 : place.kind === 'city' ? 3 : 0;
}

/** Labels are placed in order of importance, so a collision moves or hides the lesser one. */
function rank(place: MapPlace, homeCapital: string | null): number {
  if (place.id === homeCapital) return 0;
  if (place.kind === 'islands') return 1;
  if (place.id === 'tokyo' || place.id === 'seoul') return 2;
  if (place.kind === 'sea') return 3;
  return place.kind === 'capital' ? 4 : 5;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The label's box (slot px) with its point at (x, y) and the label on `side`. */
function boxAt(side: Anchor, x: number, y: number, w: number, h: number, g: number, centred: boolean): Box {
  if (centred) return { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
  const x0 = side === 'e' ? x + g : side === 'w' ? x - g - w : x - w / 2;
  const y0 = side === 's' ? y + g : side === 'n' ? y - g - h : y - h / 2;
  return { x0, y0, x1: x0 + w, y1: y0 + h };
}

/**
 * Puts the map's labels into `slot` (an element the screen lays out and gives the world as the stage's
 * map slot) in `language`, the home side's capital in gold. The slot becomes a positioning box
 * (position: relative, unless the screen's CSS positions it). Calling it again replaces the labels.
 * Without the map file there are no labels (the world draws no map either).
 */
export function mapLabels(slot: HTMLElement, language: MapLanguage, home: Side | null = null): void {
  slot.classList.add('map-slot');
  slot.querySelector(':scope > .map-labels')?.remove();
  const layer = document.createElement('div');
  layer.className = 'map-labels';
  slot.append(layer);
  void loadMap().then((data) => {
    if (data && layer.parentElement === slot) fill(slot, layer, data, language, home);
  });
}

function fill(slot: HTMLElement, layer: HTMLElement, data: MapData, language: MapLanguage, home: Side | null): void {
  const homeCapital = home ? HOME[home].capital : null;
  const places = [...data.places].sort((a, b) => rank(a, homeCapital) - rank(b, homeCapital));
  const spans = places.map((place) => {
    const span = document.createElement('span');
    span.className = `map-label map-label-${place.kind}${place.id === homeCapital ? ' map-label-home' : ''}`;
    span.lang = language;
    span.dataset.place = place.id;
    span.textContent = place.name[language];
    return span;
  });
  const credit = document.createElement('span');
  credit.className = 'map-label map-credit';
  credit.lang = 'en';
  credit.textContent = 'Made with Natural Earth';
  layer.append(...spans, credit);

  let measured = '';
  let shown = false;
  const layout = (): void => {
    // The screen is gone (the observer reports the slot's removal): nothing more to follow.
    if (!slot.isConnected) {
      if (shown) observer.disconnect();
      return;
    }
    shown = true;
    const rect = slot.getBoundingClientRect();
    const width = rect.width;
    const height = rect.height;
    const sizes = spans.map((s) => [s.offsetWidth, s.offsetHeight] as const);
    const key = `${width}x${height}:${sizes.join(';')}`;
    // A label's own move does not change any size: nothing to do (and no observer loop).
    if (key === measured || width <= 0 || height <= 0) return;
    measured = key;
    const p = placeMap(data, width, height);
    // The labels' boxes are relative to the slot's padding box; the world draws in its border box.
    const innerW = slot.clientWidth || width;
    const innerH = slot.clientHeight || height;
    const taken: Box[] = places.map((place) => {
      const x = slotX(p, place.x);
      const y = slotY(p, place.y);
      // Every symbol the world draws is kept clear of labels (the sea has none).
      const r = symbolRadius(place, place.id === homeCapital);
      return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
    });
    places.forEach((place, i) => {
      const span = spans[i]!;
      const [w, h] = sizes[i]!;
      const x = slotX(p, place.x);
      const y = slotY(p, place.y);
      const g = gap(place, place.id === homeCapital);
      const centred = place.kind === 'sea';
      const sides: Anchor[] = [place.label, ...(['e', 'n', 's', 'w'] as const).filter((side) => side !== place.label)];
      // A label stays inside the slot (its words are never cut by the slot's edge).
      const clamp = (b: Box): Box => {
        const dx = Math.max(2 - b.x0, 0) + Math.min(width - 2 - b.x1, 0);
        const dy = Math.max(2 - b.y0, 0) + Math.min(height - 2 - b.y1, 0);
        return { x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy };
      };
      let chosen: Box | null = null;
      for (const side of centred ? [place.label] : sides) {
        const box = clamp(boxAt(side, x, y, w, h, g, centred));
        // Its own symbol counts too: a label pushed back inside the slot must not cover its point.
        if (!taken.some((other) => overlaps(box, other))) {
          chosen = box;
          break;
        }
      }
      const mustShow = place.kind !== 'city';
      if (!chosen && mustShow) chosen = clamp(boxAt(place.label, x, y, w, h, g, centred));
      span.classList.toggle('map-label-hidden', !chosen);
      if (!chosen) return;
      taken.push(chosen);
      span.style.left = `${((chosen.x0 - slot.clientLeft) / innerW) * 100}%`;
      span.style.top = `${((chosen.y0 - slot.clientTop) / innerH) * 100}%`;
    });
  };
  const observer = new ResizeObserver(layout);
  observer.observe(slot);
  for (const span of spans) observer.observe(span);
  layout();
}
