/**
 * The committed sounds are exactly what tools/make-audio.ts makes (so the script is deterministic
 * and nobody edited a file by hand), and each is a WAV every browser plays.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AMBIENT_SECONDS, AUDIO_DIR, AUDIO_NAMES, SAMPLE_RATE, writeAudio } from '../tools/make-audio';

// Generated once, the way `npm run assets:audio` does, into a temporary folder.
const fresh = mkdtempSync(join(tmpdir(), 'cyd-audio-'));
writeAudio(fresh);
afterAll(() => rmSync(fresh, { recursive: true, force: true }));
const committed = (name: string): Buffer => readFileSync(join(AUDIO_DIR, `${name}.wav`));

interface WavInfo {
  channels: number;
  bitsPerSample: number;
  sampleRate: number;
  samples: Int16Array;
}

/** Reads the canonical 44-byte header our script writes, checking each field a player relies on. */
function readWav(bytes: Uint8Array): WavInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  expect(ascii(0)).toBe('RIFF');
  expect(view.getUint32(4, true)).toBe(bytes.length - 8);
  expect(ascii(8)).toBe('WAVE');
  expect(ascii(12)).toBe('fmt ');
  expect(view.getUint16(20, true)).toBe(1); // PCM
  expect(ascii(36)).toBe('data');
  const dataBytes = view.getUint32(40, true);
  expect(dataBytes).toBe(bytes.length - 44);
  const samples = new Int16Array(dataBytes / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(44 + i * 2, true);
  return {
    channels: view.getUint16(22, true),
    bitsPerSample: view.getUint16(34, true),
    sampleRate: view.getUint32(24, true),
    samples,
  };
}

describe('the sound files in assets/audio', () => {
  it.each(AUDIO_NAMES)('%s.wav is what `npm run assets:audio` makes', (name) => {
    const expected = readFileSync(join(fresh, `${name}.wav`));
    const actual = committed(name);
    // Compared as a whole so a mismatch names the file rather than printing megabytes.
    expect(actual.equals(expected), `${name}.wav differs from the script's output: run npm run assets:audio`).toBe(true);
  });

  it.each(AUDIO_NAMES)('%s.wav is 16-bit mono PCM at 22050 Hz, neither silent nor clipped', (name) => {
    const wav = readWav(committed(name));
    expect(wav).toMatchObject({ channels: 1, bitsPerSample: 16, sampleRate: SAMPLE_RATE });
    let peak = 0;
    for (const s of wav.samples) peak = Math.max(peak, Math.abs(s));
    expect(peak).toBeGreaterThan(0.1 * 32767);
    expect(peak).toBeLessThan(0.9 * 32767);
  });

  it('effects start and end at silence, so they never click', () => {
    for (const name of AUDIO_NAMES.filter((n) => n !== 'ambient')) {
      const { samples } = readWav(committed(name));
      expect(Math.abs(samples[0]!), name).toBeLessThan(100);
      expect(Math.abs(samples.at(-1)!), name).toBeLessThan(100);
    }
  });

  it('the ambient loop is 8–12 s, under 500 KB, and its seam is no sharper than any step inside it', () => {
    const bytes = committed('ambient');
    expect(statSync(join(AUDIO_DIR, 'ambient.wav')).size).toBeLessThan(500 * 1024);
    const { samples } = readWav(bytes);
    expect(samples.length / SAMPLE_RATE).toBe(AMBIENT_SECONDS);
    expect(AMBIENT_SECONDS).toBeGreaterThanOrEqual(8);
    expect(AMBIENT_SECONDS).toBeLessThanOrEqual(12);
    let largestStep = 0;
    for (let i = 1; i < samples.length; i++) largestStep = Math.max(largestStep, Math.abs(samples[i]! - samples[i - 1]!));
    const seam = Math.abs(samples[0]! - samples.at(-1)!);
    expect(seam).toBeLessThanOrEqual(largestStep);
  });
});
