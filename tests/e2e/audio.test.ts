/**
 * The shipped sounds as a browser decodes them (Chromium's own decoders, not ours): every file of
 * each format holds its sound, and the ambient loop's region repeats without a seam in either
 * format, MP3's encoder delay included. And the game, in Chromium, plays the Ogg files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AMBIENT_LOOP, AUDIO_FORMATS, SOUND_NAMES, type AudioFormat } from '../../src/audio/player';
import { AUDIO_DIR, AUDIO_NAMES, renderPcm, SAMPLE_RATE } from '../../tools/make-audio';
import { openGame, sharedBrowser, WAIT } from './harness';

/** MP3's encoder delay (576) and decoder delay (529), which Chromium keeps when a file carries no gapless tag. */
const MP3_DELAY = 1105;

/** Decodes a file in the page at the sounds' own rate (so nothing is resampled) and returns its samples. */
async function decode(page: Page, bytes: Buffer): Promise<Float32Array> {
  const base64 = await page.evaluate(
    async ({ file, rate }) => {
      const data = Uint8Array.from(atob(file), (c) => c.charCodeAt(0));
      const buffer = await new OfflineAudioContext(1, 1, rate).decodeAudioData(data.buffer);
      const samples = new Uint8Array(buffer.getChannelData(0).buffer);
      let text = '';
      for (let i = 0; i < samples.length; i += 0x8000) text += String.fromCharCode(...samples.subarray(i, i + 0x8000));
      return btoa(text);
    },
    { file: bytes.toString('base64'), rate: SAMPLE_RATE },
  );
  const raw = Buffer.from(base64, 'base64');
  return new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
}

/** Root-mean-square of a - b over [from, to) of `a`, with `b` read `shift` samples later. */
function rmsDifference(a: Float32Array, b: Float32Array, shift: number, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (a[i]! - (b[i + shift] ?? 0)) ** 2;
  return Math.sqrt(sum / (to - from));
}

function rms(a: Float32Array, from = 0, to = a.length): number {
  return rmsDifference(a, new Float32Array(0), 0, from, to);
}

describe('the shipped sounds in Chromium', () => {
  const pcm = renderPcm();
  const decoded = new Map<string, Float32Array>();

  // One page decodes every file, before the tests that read the results.
  let close: (() => Promise<void>) | undefined;
  afterAll(() => close?.());
  beforeAll(async () => {
    const context = await (await sharedBrowser()).newContext();
    close = () => context.close();
    const page = await context.newPage();
    for (const name of AUDIO_NAMES) for (const format of AUDIO_FORMATS) decoded.set(`${name}.${format}`, await decode(page, readFileSync(join(AUDIO_DIR, `${name}.${format}`))));
  });

  it.each(AUDIO_FORMATS.flatMap((format) => AUDIO_NAMES.map((name) => [format, name] as [AudioFormat, string])))('%s: %s decodes to its sound, at its length', (format, name) => {
    const source = pcm.get(name as (typeof AUDIO_NAMES)[number])!;
    const samples = decoded.get(`${name}.${format}`)!;
    // Ogg ends where the source does, but for a file that fits in one page Chromium drops the last
    // block's overhang (256 samples, 12 ms of the faded tail, here; at most half a long block, 1024);
    // MP3 starts after its delay and ends on a whole frame (576 samples at 22050 Hz).
    const shift = format === 'mp3' ? MP3_DELAY : 0;
    const [shortest, longest] = format === 'ogg' ? [source.length - 1024, source.length] : [source.length + shift, source.length + shift + 2 * 576];
    expect(samples.length).toBeGreaterThanOrEqual(shortest);
    expect(samples.length).toBeLessThanOrEqual(longest);
    // The sound itself, aligned, within the codec's losses: under a tenth of the signal (−20 dB).
    const end = Math.min(source.length, samples.length - shift);
    expect(rmsDifference(source, samples, shift, 0, end) / rms(source)).toBeLessThan(0.1);
  });

  it.each(AUDIO_FORMATS)('%s: the ambient loop region holds one period, so its end runs on into its start', (format) => {
    const samples = decoded.get(`ambient.${format}`)!;
    const start = Math.round(AMBIENT_LOOP.start * SAMPLE_RATE);
    const period = Math.round(AMBIENT_LOOP.seconds * SAMPLE_RATE);
    expect(samples.length).toBeGreaterThanOrEqual(start + period);
    // Where the loop jumps back (its end to its start), what was about to play and what plays next are
    // the same sound: 20 ms either side of the seam, compared with the loop's own level. Only the
    // codec's noise, in both, differs (0.03 of the level for Ogg, 0.07 for MP3); looping a whole MP3
    // file instead, its delay included, jumps by 1.8 times the level (measured when this was written).
    const window = Math.round(0.02 * SAMPLE_RATE);
    const level = rms(samples, start, start + period);
    expect(level).toBeGreaterThan(0.05);
    const seam = rmsDifference(samples, samples, period, start - window, start + window);
    expect(seam / level).toBeLessThan(0.2);
  });

  it('the game loads the Ogg file of every sound, and none of the MP3 fallbacks, once a key is pressed', async () => {
    const { page, errors } = await openGame();
    const fetched: string[] = [];
    page.on('request', (request) => void (/\.(ogg|mp3|wav)$/.test(new URL(request.url()).pathname) && fetched.push(new URL(request.url()).pathname)));
    await page.keyboard.press('Shift');
    const howls = SOUND_NAMES.length + 1;
    // howler puts itself on window; each Howl's _src is the one source it chose.
    type Howls = { _howls: { state(): string; _src: string }[] };
    await page.waitForFunction(
      (n) => {
        const howler = (window as unknown as { Howler?: Howls }).Howler;
        return howler !== undefined && howler._howls.length === n && howler._howls.every((h) => h.state() === 'loaded');
      },
      howls,
      WAIT,
    );
    const chosen = await page.evaluate(() => (window as unknown as { Howler: Howls }).Howler._howls.map((h) => new URL(h._src, location.href).pathname));
    expect(chosen).toHaveLength(howls);
    for (const src of chosen) expect(src).toMatch(/\.ogg$/);
    // Each fetched once, as a file of its own (none inlined in the script), and no MP3 beside it.
    expect(fetched.sort()).toEqual(chosen.sort());
    expect(errors).toEqual([]);
  });
});
