/**
 * Synthesizes the game's sounds and writes each, from the same samples (mono, 22050 Hz), as Ogg
 * Vorbis and as MP3 into assets/audio/ (npm run assets:audio); src/audio/sound.ts offers both and
 * the browser plays the first it can. Tones come from the anhemitonic pentatonic scale (C D E G A)
 * shared by Japanese and Korean folk music; plucked notes use Karplus–Strong synthesis (a koto or
 * gayageum-like string), bells and pads use sums of sines with soft envelopes.
 * Deterministic: no Math.random (the string's initial noise comes from a seeded generator, each Ogg
 * stream's serial number is fixed), and the encoders (libvorbis and LAME, compiled to WebAssembly by
 * wasm-media-encoders, pinned) give the same bytes for the same samples, which a test checks
 * against the committed files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMp3Encoder, createOggEncoder } from 'wasm-media-encoders';
import { AMBIENT_LOOP, AUDIO_FORMATS, SOUND_NAMES, type AudioFormat } from '../src/audio/player';

export const SAMPLE_RATE = 22050;
export const AUDIO_DIR = fileURLToPath(new URL('../assets/audio/', import.meta.url));

/** Every sound the script writes, without extension: the game's effects and the ambient loop. */
export const AUDIO_NAMES = [...SOUND_NAMES, 'ambient'] as const;
export type AudioName = (typeof AUDIO_NAMES)[number];

/** Length of the ambient loop in seconds; every pad frequency is a whole number of cycles in it. */
export const AMBIENT_SECONDS = AMBIENT_LOOP.seconds;

type Buffer = Float64Array;

/** Frequency of a MIDI note number (A4 = 69 = 440 Hz). */
function hz(midi: number): number {
  return 440 * 2 ** ((midi - 69) / 12);
}

// The pentatonic notes used below, as MIDI numbers.
const C3 = 48,
  D3 = 50,
  G3 = 55,
  A3 = 57;
const C4 = 60,
  D4 = 62,
  E4 = 64,
  G4 = 67,
  A4 = 69;
const C5 = 72,
  D5 = 74,
  E5 = 76,
  G5 = 79,
  A5 = 81;
const C6 = 84;

/** mulberry32: a small seeded generator, so the string noise is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function silence(seconds: number): Buffer {
  return new Float64Array(Math.round(seconds * SAMPLE_RATE));
}

/** Adds `source` into `target` starting at `seconds`; with `wrap`, what runs past the end continues at the start. */
function mix(target: Buffer, source: Buffer, seconds: number, gain = 1, wrap = false): void {
  const start = Math.round(seconds * SAMPLE_RATE);
  for (let i = 0; i < source.length; i++) {
    let j = start + i;
    if (wrap) j %= target.length;
    else if (j >= target.length) break;
    target[j]! += source[i]! * gain;
  }
}

interface Partial {
  /** Frequency as a multiple of the note's. */
  ratio: number;
  amp: number;
  /** Time constant of the exponential decay, in seconds. */
  decay: number;
}

/** A struck tone: sines with their own decays and a short raised-cosine attack (no click at the onset). */
function strike(freq: number, seconds: number, partials: readonly Partial[], attack = 0.004): Buffer {
  const out = silence(seconds);
  const attackSamples = Math.max(1, Math.round(attack * SAMPLE_RATE));
  for (const p of partials) {
    const w = (2 * Math.PI * freq * p.ratio) / SAMPLE_RATE;
    for (let i = 0; i < out.length; i++) {
      const t = i / SAMPLE_RATE;
      const rise = i < attackSamples ? 0.5 - 0.5 * Math.cos((Math.PI * i) / attackSamples) : 1;
      out[i]! += p.amp * rise * Math.exp(-t / p.decay) * Math.sin(w * i);
    }
  }
  return out;
}

/** A small bell: a strong fundamental with weak, faster-fading upper partials (slightly inharmonic). */
function bell(freq: number, seconds: number, ring = 0.5): Buffer {
  return strike(freq, seconds, [
    { ratio: 1, amp: 1, decay: ring },
    { ratio: 2.0, amp: 0.35, decay: ring * 0.5 },
    { ratio: 2.76, amp: 0.12, decay: ring * 0.3 },
    { ratio: 5.4, amp: 0.04, decay: ring * 0.12 },
  ]);
}

/**
 * A plucked string (Karplus–Strong): a burst of seeded, low-passed noise circulating in a delay
 * line whose averaging filter damps the high partials first, as a real string does.
 */
function pluck(freq: number, seconds: number, seed: number, damping = 0.996): Buffer {
  const out = silence(seconds);
  // The loop's delay is the line, half a sample in the averaging filter and a fractional part in
  // an all-pass filter, so high notes are in tune rather than rounded to a whole sample.
  const loopDelay = SAMPLE_RATE / freq;
  const length = Math.max(2, Math.floor(loopDelay - 0.6));
  const fraction = loopDelay - 0.5 - length;
  const allpass = (1 - fraction) / (1 + fraction);
  const random = seeded(seed);
  const line = new Float64Array(length);
  let smooth = 0;
  let smoother = 0;
  for (let i = 0; i < length; i++) {
    // Twice-smoothed noise: a finger's soft pluck rather than a pick's bright attack.
    smooth = 0.7 * smooth + 0.3 * (random() * 2 - 1);
    smoother = 0.7 * smoother + 0.3 * smooth;
    line[i] = smoother;
  }
  // No DC in the line (it would decay slowly into a thump), and a unit peak so notes mix evenly.
  let mean = 0;
  for (const v of line) mean += v / length;
  let peak = 0;
  for (let i = 0; i < length; i++) {
    line[i]! -= mean;
    peak = Math.max(peak, Math.abs(line[i]!));
  }
  for (let i = 0; i < length; i++) line[i]! /= peak || 1;

  let index = 0;
  let previous = 0;
  let apIn = 0;
  let apOut = 0;
  for (let i = 0; i < out.length; i++) {
    const value = line[index]!;
    const averaged = 0.5 * (value + previous);
    previous = value;
    apOut = allpass * averaged + apIn - allpass * apOut;
    apIn = averaged;
    line[index] = damping * apOut;
    out[i] = value;
    index = (index + 1) % length;
  }
  // A few milliseconds of fade-in remove the step at the start of the noise burst.
  const fade = Math.round(0.003 * SAMPLE_RATE);
  for (let i = 0; i < fade && i < out.length; i++) out[i]! *= i / fade;
  return out;
}

/** A soft pad: sines with a slow rise and fall (raised-cosine edges), a touch of second harmonic. */
function pad(freqs: readonly number[], seconds: number, rise: number, fall: number): Buffer {
  const out = silence(seconds);
  const n = out.length;
  const riseN = Math.round(rise * SAMPLE_RATE);
  const fallN = Math.round(fall * SAMPLE_RATE);
  for (const f of freqs) {
    for (const [ratio, amp] of [
      [1, 1],
      [1.003, 0.6], // a slightly detuned twin makes the tone breathe
      [2, 0.18],
    ] as const) {
      const w = (2 * Math.PI * f * ratio) / SAMPLE_RATE;
      for (let i = 0; i < n; i++) {
        let env = 1;
        if (i < riseN) env = 0.5 - 0.5 * Math.cos((Math.PI * i) / riseN);
        else if (i > n - fallN) env = 0.5 - 0.5 * Math.cos((Math.PI * (n - i)) / fallN);
        out[i]! += (amp * env * Math.sin(w * i)) / freqs.length;
      }
    }
  }
  return out;
}

/** Noise through a one-pole low-pass whose cutoff falls: the brush of a card laid on a table. */
function swish(seconds: number, seed: number): Buffer {
  const out = silence(seconds);
  const random = seeded(seed);
  let low = 0;
  let lower = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / out.length;
    const coefficient = 0.16 - 0.12 * t;
    low += coefficient * (random() * 2 - 1 - low);
    lower += coefficient * (low - lower);
    const env = Math.sin(Math.PI * Math.min(1, t * 1.4)) ** 2;
    out[i] = (low - lower) * env;
  }
  return out;
}

/** Scales to the given peak and fades the last milliseconds so no file ends on a step. */
function finish(buffer: Buffer, peak: number, tailFade = 0.02): Buffer {
  let max = 0;
  for (const v of buffer) max = Math.max(max, Math.abs(v));
  const gain = max > 0 ? peak / max : 0;
  const fade = Math.round(tailFade * SAMPLE_RATE);
  for (let i = 0; i < buffer.length; i++) {
    const left = buffer.length - 1 - i;
    buffer[i]! *= gain * (left < fade ? left / fade : 1);
  }
  return buffer;
}

function click(): Buffer {
  // A soft wooden tap: two inharmonic partials that die within a few milliseconds.
  return finish(
    strike(
      880,
      0.07,
      [
        { ratio: 1, amp: 1, decay: 0.012 },
        { ratio: 2.71, amp: 0.35, decay: 0.006 },
      ],
      0.001,
    ),
    0.45,
    0.01,
  );
}

function card(): Buffer {
  const out = silence(0.55);
  mix(out, swish(0.14, 11), 0, 1.2);
  mix(out, pluck(hz(G4), 0.45, 12), 0.07, 0.8);
  return finish(out, 0.6);
}

function meterUp(): Buffer {
  const out = silence(0.6);
  mix(out, bell(hz(E5), 0.5, 0.16), 0, 0.8);
  mix(out, bell(hz(A5), 0.48, 0.2), 0.11);
  return finish(out, 0.5);
}

function meterDown(): Buffer {
  const out = silence(0.65);
  mix(out, bell(hz(A4), 0.5, 0.18), 0);
  mix(out, bell(hz(E4), 0.5, 0.22), 0.13, 0.9);
  return finish(out, 0.5);
}

function eventAlert(): Buffer {
  // Two strikes of a small temple bell, high then lower: noticeable without alarm.
  const out = silence(1.4);
  mix(out, bell(hz(E5), 1.2, 0.45), 0);
  mix(out, bell(hz(C5), 1.2, 0.55), 0.2, 0.9);
  return finish(out, 0.6, 0.05);
}

function proposal(): Buffer {
  // A rising arpeggio on the string: a message arrives.
  const out = silence(0.95);
  [C5, E5, G5].forEach((note, i) => mix(out, pluck(hz(note), 0.7, 20 + i), i * 0.09, 1 - i * 0.1));
  mix(out, bell(hz(C6), 0.6, 0.25), 0.27, 0.25);
  return finish(out, 0.55, 0.05);
}

function endingWin(): Buffer {
  const out = silence(2.6);
  [C5, D5, E5, G5, A5].forEach((note, i) => mix(out, pluck(hz(note), 1.2, 30 + i), i * 0.1, 0.8));
  mix(out, pad([hz(C4), hz(G4), hz(E5)], 2.0, 0.12, 1.1), 0.5, 0.9);
  mix(out, bell(hz(C6), 1.6, 0.6), 0.5, 0.35);
  return finish(out, 0.65, 0.1);
}

function endingDraw(): Buffer {
  // An open fifth, neither resolved nor sad.
  const out = silence(2.3);
  [D5, A4, D5].forEach((note, i) => mix(out, pluck(hz(note), 1.1, 40 + i), i * 0.22, 0.8));
  mix(out, pad([hz(D4), hz(A4)], 1.8, 0.15, 1.0), 0.44, 0.8);
  return finish(out, 0.6, 0.1);
}

function endingLoss(): Buffer {
  // Falling through the minor side of the same scale to a low A.
  const out = silence(2.8);
  [A4, G4, E4, D4].forEach((note, i) => mix(out, pluck(hz(note), 1.2, 50 + i, 0.994), i * 0.2, 0.8));
  mix(out, pad([hz(A3), hz(C4), hz(E4)], 2.0, 0.2, 1.2), 0.8, 0.7);
  mix(out, bell(hz(A3), 1.8, 0.7), 0.8, 0.5);
  return finish(out, 0.6, 0.1);
}

function warning(): Buffer {
  // A reminder, not an alarm: the same low bell struck twice, unhurried (a team's time is running low).
  const out = silence(1.2);
  mix(out, bell(hz(G4), 0.85, 0.3), 0, 0.9);
  mix(out, bell(hz(G4), 0.85, 0.3), 0.34, 0.7);
  return finish(out, 0.42, 0.05);
}

/**
 * A quiet loop of pads that swell in turn. Seamless by construction: every frequency and every
 * swell is a whole number of cycles in the loop, and the few plucked notes wrap their tails round
 * to the start, so the last sample flows into the first.
 */
function ambient(): Buffer {
  const out = silence(AMBIENT_SECONDS);
  const n = out.length;
  const cyclesOf = (f: number): number => Math.max(1, Math.round(f * AMBIENT_SECONDS));
  const voices: { midi: number; amp: number; swell: number; phase: number }[] = [
    { midi: D3, amp: 1, swell: 1, phase: 0 },
    { midi: A3, amp: 0.7, swell: 1, phase: Math.PI },
    { midi: E4, amp: 0.45, swell: 2, phase: Math.PI / 2 },
    { midi: G3, amp: 0.5, swell: 1, phase: Math.PI / 2 },
    { midi: C3, amp: 0.4, swell: 1, phase: (3 * Math.PI) / 2 },
  ];
  for (const v of voices) {
    const f = hz(v.midi);
    // Fundamental, a twin a few cycles apart (a slow beat), and a faint octave.
    for (const [cycles, amp] of [
      [cyclesOf(f), 1],
      [cyclesOf(f) + 2, 0.5],
      [cyclesOf(2 * f), 0.12],
    ] as const) {
      const w = (2 * Math.PI * cycles) / n;
      const s = (2 * Math.PI * v.swell) / n;
      for (let i = 0; i < n; i++) {
        const swell = 0.55 + 0.45 * Math.sin(s * i + v.phase);
        out[i]! += v.amp * amp * swell * Math.sin(w * i);
      }
    }
  }
  // A few distant string notes, far apart, wrapped round the loop's end.
  const notes: [number, number][] = [
    [1.2, A4],
    [3.9, E5],
    [6.3, D5],
    [8.6, G4],
  ];
  notes.forEach(([at, note], i) => mix(out, pluck(hz(note), 3, 60 + i, 0.998), at, 0.5, true));
  // Not `finish`: a fade at the end would put a dip at the seam.
  let max = 0;
  for (const v of out) max = Math.max(max, Math.abs(v));
  for (let i = 0; i < n; i++) out[i]! *= 0.4 / max;
  return out;
}

const MAKERS: Readonly<Record<AudioName, () => Buffer>> = {
  click,
  card,
  meter_up: meterUp,
  meter_down: meterDown,
  event: eventAlert,
  proposal,
  ending_win: endingWin,
  ending_draw: endingDraw,
  ending_loss: endingLoss,
  warning,
  ambient,
};

/**
 * The ambient file: the loop with its own last AMBIENT_LOOP.start seconds before it and its first as
 * many after it (see AMBIENT_LOOP for why), so the player's loop region holds one whole period.
 */
function wrapped(loop: Buffer): Buffer {
  const lead = Math.round(AMBIENT_LOOP.start * SAMPLE_RATE);
  const out = new Float64Array(loop.length + 2 * lead);
  for (let i = 0; i < out.length; i++) out[i] = loop[(i - lead + loop.length) % loop.length]!;
  return out;
}

/** Every sound's samples as the encoders get them: -1..1, the ambient loop wrapped. */
export function renderPcm(): Map<AudioName, Float32Array> {
  return new Map(
    AUDIO_NAMES.map((name) => {
      const samples = name === 'ambient' ? wrapped(MAKERS.ambient()) : MAKERS[name]();
      return [name, Float32Array.from(samples, (v) => Math.max(-1, Math.min(1, v)))];
    }),
  );
}

/**
 * The long files (the loop and the endings, 18 of the 23 seconds) take a lower quality so the
 * sounds stay small: pads and slow bells lose nothing a listener hears there. Short effects keep more,
 * since the string's attack and the card's brush are where a codec's losses show.
 */
const LONG: ReadonlySet<AudioName> = new Set(['ambient', 'ending_win', 'ending_draw', 'ending_loss']);
/** Vorbis VBR quality, -1 (smallest) to 10. */
const OGG_QUALITY = { short: 6, long: 4 } as const;
/** LAME VBR quality, 0 (best) to 9.999 (smallest). */
const MP3_QUALITY = { short: 2, long: 4 } as const;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

type Encoder = Awaited<ReturnType<typeof createOggEncoder>> | Awaited<ReturnType<typeof createMp3Encoder>>;

/** Encodes one sound; the encoder's buffers are its own until the next call, so each is copied. */
function encode(encoder: Encoder, samples: Float32Array): Uint8Array {
  return concat([encoder.encode([samples]).slice(), encoder.finalize().slice()]);
}

/** Every sound as the bytes of each of its files, keyed by file name (`click.ogg`). */
export async function renderAudio(): Promise<Map<string, Uint8Array>> {
  const ogg = await createOggEncoder();
  const mp3 = await createMp3Encoder();
  const files = new Map<string, Uint8Array>();
  const pcm = renderPcm();
  AUDIO_NAMES.forEach((name, index) => {
    const samples = pcm.get(name)!;
    const length = LONG.has(name) ? 'long' : 'short';
    // A fixed serial number: libvorbis's own default is random, which would change every file on every run.
    ogg.configure({ channels: 1, sampleRate: SAMPLE_RATE, vbrQuality: OGG_QUALITY[length], oggSerialNo: index + 1 });
    files.set(`${name}.ogg`, encode(ogg, samples));
    mp3.configure({ channels: 1, sampleRate: SAMPLE_RATE, outputSampleRate: SAMPLE_RATE, vbrQuality: MP3_QUALITY[length] });
    files.set(`${name}.mp3`, encode(mp3, samples));
  });
  return files;
}

/** Every file the script writes, by format. */
export function audioFiles(format: AudioFormat): string[] {
  return AUDIO_NAMES.map((name) => `${name}.${format}`);
}

/** Writes every file into `dir`; returns a line per file and a total per format, for the console. */
export async function writeAudio(dir: string = AUDIO_DIR): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const files = await renderAudio();
  const lines: string[] = [];
  for (const [file, bytes] of files) {
    writeFileSync(join(dir, file), bytes);
    lines.push(`${file}  ${(bytes.length / 1024).toFixed(1)} KB`);
  }
  for (const format of AUDIO_FORMATS) {
    const total = audioFiles(format).reduce((sum, file) => sum + files.get(file)!.length, 0);
    lines.push(`${format}: ${AUDIO_NAMES.length} files, ${(total / 1024).toFixed(1)} KB`);
  }
  lines.push(`wrote ${files.size} files to ${dir}`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1]?.endsWith('make-audio.ts')) process.stdout.write(await writeAudio());
