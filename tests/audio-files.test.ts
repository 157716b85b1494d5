/**
 * The committed sounds are exactly what tools/make-audio.ts makes (so the script and its encoders
 * are deterministic and nobody edited a file by hand), each a well-formed Ogg Vorbis or MP3 file of
 * its sound's length, and what a browser downloads (one format) stays within the budget. The
 * synthesized samples both formats come from are checked too: neither silent nor clipped, no click
 * at an effect's ends, a seamless ambient loop. (How Chromium decodes the files: tests/e2e/audio.test.ts.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AMBIENT_LOOP, AUDIO_FORMATS } from '../src/audio/player';
import { AMBIENT_SECONDS, AUDIO_DIR, AUDIO_NAMES, audioFiles, renderPcm, SAMPLE_RATE, writeAudio } from '../tools/make-audio';

/** What a browser downloads of the game's sounds, in one format. */
const BUDGET_BYTES = 150 * 1024;

// Generated once, the way `npm run assets:audio` does, into a temporary folder.
const fresh = mkdtempSync(join(tmpdir(), 'cyd-audio-'));
await writeAudio(fresh);
afterAll(() => rmSync(fresh, { recursive: true, force: true }));
const committed = (file: string): Buffer => readFileSync(join(AUDIO_DIR, file));
const pcm = renderPcm();
const samplesOf = (name: string): Float32Array => pcm.get(name as (typeof AUDIO_NAMES)[number])!;
const nameOf = (file: string): string => file.replace(/\.\w+$/, '');

/** Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value 0, over the page with its CRC field zeroed. */
const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let r = i << 24;
  for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});
function oggCrc(page: Uint8Array): number {
  let crc = 0;
  page.forEach((byte, i) => {
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ (i >= 22 && i < 26 ? 0 : byte)) & 0xff]!) >>> 0;
  });
  return crc;
}

interface OggStream {
  packets: Uint8Array[];
  /** The last page's granule position: for Vorbis, the number of samples the stream decodes to. */
  samples: number;
}

/** Reads every page of a single logical stream, checking what a player relies on: magic, CRC, order, BOS and EOS. */
function readOgg(bytes: Uint8Array, file: string): OggStream {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const packets: Uint8Array[] = [];
  let partial: number[] = [];
  let at = 0;
  let sequence = 0;
  let serial: number | undefined;
  let samples = -1;
  let last = false;
  while (at < bytes.length) {
    expect(last, `${file}: a page after the end of stream`).toBe(false);
    expect(String.fromCharCode(...bytes.subarray(at, at + 4)), `${file}: page at byte ${at}`).toBe('OggS');
    expect(bytes[at + 4], `${file}: Ogg version`).toBe(0);
    const flags = bytes[at + 5]!;
    expect(flags & 0x02, `${file}: beginning-of-stream flag on the first page only`).toBe(sequence === 0 ? 0x02 : 0);
    last = (flags & 0x04) !== 0;
    serial ??= view.getUint32(at + 14, true);
    expect(view.getUint32(at + 14, true), `${file}: one stream`).toBe(serial);
    expect(view.getUint32(at + 18, true), `${file}: page order`).toBe(sequence++);
    const segments = bytes[at + 26]!;
    const lacing = bytes.subarray(at + 27, at + 27 + segments);
    const bodyLength = lacing.reduce((sum, n) => sum + n, 0);
    const end = at + 27 + segments + bodyLength;
    expect(end, `${file}: page past the end of the file`).toBeLessThanOrEqual(bytes.length);
    expect(view.getUint32(at + 22, true), `${file}: CRC of page ${sequence - 1}`).toBe(oggCrc(bytes.subarray(at, end)));
    let body = at + 27 + segments;
    for (const n of lacing) {
      partial.push(...bytes.subarray(body, body + n));
      body += n;
      if (n < 255) {
        packets.push(Uint8Array.from(partial));
        partial = [];
      }
    }
    const granule = view.getBigInt64(at + 6, true);
    if (granule >= 0n) samples = Number(granule);
    at = end;
  }
  expect(last, `${file}: the last page ends the stream`).toBe(true);
  expect(partial, `${file}: an unfinished packet`).toEqual([]);
  return { packets, samples };
}

/** MPEG-2 Layer III bitrates (kbit/s) by index. */
const MPEG2_L3_KBPS = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
/** Samples per MPEG-2 Layer III frame. */
const MPEG2_L3_SAMPLES = 576;

/** Walks an MP3's frames from the first to the last byte (after an ID3v2 tag, if any), checking each header. */
function readMp3Frames(bytes: Uint8Array, file: string): number {
  let at = 0;
  if (String.fromCharCode(...bytes.subarray(0, 3)) === 'ID3') {
    at = 10 + (((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f));
  }
  let frames = 0;
  while (at < bytes.length) {
    if (bytes.length - at === 128 && String.fromCharCode(...bytes.subarray(at, at + 3)) === 'TAG') break; // ID3v1
    const header = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
    expect(header >>> 21, `${file}: frame sync at byte ${at}`).toBe(0x7ff);
    expect((header >>> 19) & 3, `${file}: MPEG-2 (the version for 22050 Hz)`).toBe(2);
    expect((header >>> 17) & 3, `${file}: Layer III`).toBe(1);
    const kbps = MPEG2_L3_KBPS[(header >>> 12) & 0xf] ?? 0;
    expect(kbps, `${file}: a valid bitrate at byte ${at}`).toBeGreaterThan(0);
    expect((header >>> 10) & 3, `${file}: 22050 Hz`).toBe(0);
    expect((header >>> 6) & 3, `${file}: mono`).toBe(3);
    at += Math.floor((72_000 * kbps) / SAMPLE_RATE) + ((header >>> 9) & 1);
    frames++;
  }
  expect(at, `${file}: the last frame ends with the file`).toBe(bytes.length);
  return frames;
}

describe('the sound files in assets/audio', () => {
  it('holds each sound in each format, and nothing else but the README', () => {
    const expected = [...AUDIO_FORMATS.flatMap((f) => audioFiles(f)), 'README.md'].sort();
    expect(readdirSync(AUDIO_DIR).sort()).toEqual(expected);
  });

  it.each(AUDIO_FORMATS.flatMap((f) => audioFiles(f)))('%s is what `npm run assets:audio` makes', (file) => {
    const expected = readFileSync(join(fresh, file));
    // Compared as a whole so a mismatch names the file rather than printing kilobytes.
    expect(committed(file).equals(expected), `${file} differs from the script's output: run npm run assets:audio`).toBe(true);
  });

  it.each(AUDIO_FORMATS)('what a browser downloads in %s is at most 150 KB', (format) => {
    const total = audioFiles(format).reduce((sum, file) => sum + committed(file).length, 0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it.each(audioFiles('ogg'))('%s is Ogg Vorbis, mono at 22050 Hz, decoding to exactly its sound', (file) => {
    const { packets, samples } = readOgg(committed(file), file);
    const [id, comment, setup] = packets;
    const vorbis = (packet: Uint8Array | undefined, type: number): boolean => packet?.[0] === type && String.fromCharCode(...packet.subarray(1, 7)) === 'vorbis';
    expect(vorbis(id, 1), `${file}: identification header`).toBe(true);
    expect(vorbis(comment, 3), `${file}: comment header`).toBe(true);
    expect(vorbis(setup, 5), `${file}: setup header`).toBe(true);
    const view = new DataView(id!.buffer, id!.byteOffset, id!.byteLength);
    expect(view.getUint32(7, true), 'Vorbis version').toBe(0);
    expect(id![11], 'channels').toBe(1);
    expect(view.getUint32(12, true), 'sample rate').toBe(SAMPLE_RATE);
    expect(packets.length).toBeGreaterThan(3);
    // Vorbis has no encoder delay: the final granule position is the sound's own length, to the sample.
    expect(samples).toBe(samplesOf(nameOf(file)).length);
  });

  it.each(audioFiles('mp3'))('%s is MP3, mono at 22050 Hz, as long as its sound and the encoder delay', (file) => {
    const frames = readMp3Frames(committed(file), file);
    const length = samplesOf(nameOf(file)).length;
    // LAME starts with 576 samples of delay (a decoder adds 529) and pads the end to a whole frame.
    expect(frames * MPEG2_L3_SAMPLES).toBeGreaterThanOrEqual(length + 576);
    expect(frames * MPEG2_L3_SAMPLES).toBeLessThan(length + 576 + 529 + 2 * MPEG2_L3_SAMPLES);
  });
});

describe('the synthesized samples both formats are made from', () => {
  it.each(AUDIO_NAMES)('%s is neither silent nor clipped', (name) => {
    let peak = 0;
    for (const s of samplesOf(name)) peak = Math.max(peak, Math.abs(s));
    expect(peak).toBeGreaterThan(0.1);
    expect(peak).toBeLessThan(0.9);
  });

  it('effects start and end at silence, so they never click', () => {
    for (const name of AUDIO_NAMES.filter((n) => n !== 'ambient')) {
      const samples = samplesOf(name);
      expect(Math.abs(samples[0]!), name).toBeLessThan(0.003);
      expect(Math.abs(samples.at(-1)!), name).toBeLessThan(0.003);
    }
  });

  it('the ambient file is its 8–12 s loop with a wrap either side, and the loop seam is no sharper than any step inside it', () => {
    const samples = samplesOf('ambient');
    const lead = Math.round(AMBIENT_LOOP.start * SAMPLE_RATE);
    const period = AMBIENT_SECONDS * SAMPLE_RATE;
    expect(AMBIENT_SECONDS).toBeGreaterThanOrEqual(8);
    expect(AMBIENT_SECONDS).toBeLessThanOrEqual(12);
    expect(samples.length).toBe(period + 2 * lead);
    // Before the region and after it, the same sound as at its other end: a shifted decoder still loops one period.
    for (let i = 0; i < 2 * lead; i++) expect(samples[i], `sample ${i}`).toBe(samples[i + period]);
    const loop = samples.subarray(lead, lead + period);
    let largestStep = 0;
    for (let i = 1; i < loop.length; i++) largestStep = Math.max(largestStep, Math.abs(loop[i]! - loop[i - 1]!));
    expect(Math.abs(loop[0]! - loop.at(-1)!)).toBeLessThanOrEqual(largestStep);
  });
});
