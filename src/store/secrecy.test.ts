/**
 * A class session's secrets on a shared screen: the PIN is never in a save, the first team's sealed
 * orders are never in a save or an export in the clear, a team cannot export the game, guessing the
 * PIN slows down (and a reload does not lift the wait), and a reload keeps the pause and the clock.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './index';
import { KEYS, storagePersistence } from './saves';
import { catalogEntryFrom, fakeTimer, MemoryStorage, randomComputer, type FakeTimer } from './testing';

const template = catalogEntryFrom('scenarios/template.yaml');
const PIN = '80461357';

function storeOn(storage: Storage, timer: FakeTimer): AppStore {
  return createAppStore({ catalog: [template], persistence: storagePersistence(storage), computer: randomComputer, newSeed: () => 'secret-1', timer });
}

async function startClass(store: AppStore, timerSeconds: number | null = null): Promise<void> {
  const { actions } = store.getState();
  actions.pickScenario('template');
  actions.pickMode('hotseat');
  actions.setClassroom({ pin: PIN, timerSeconds });
  await actions.startGame();
  actions.beginTurn();
}

/** Lets the encryption of sealed orders (WebCrypto, a few milliseconds) finish. */
async function settled(store: AppStore): Promise<void> {
  for (let i = 0; i < 200 && !store.getState().session?.sealedLocked?.tokyo; i++) await new Promise((r) => setTimeout(r, 5));
}

/** Tokyo's team chooses a decision only it would, and seals it. */
async function tokyoSeals(store: AppStore): Promise<string> {
  const { actions } = store.getState();
  actions.revealTurn();
  const pick = template.scenario.decisions.find((d) => d.side === 'tokyo' && !d.joint && !d.when && d.cost <= store.getState().session!.state.capital.tokyo)!.id;
  actions.toggleDecision(pick);
  actions.endTurn();
  await settled(store);
  return pick;
}

describe('a class session’s secrets', () => {
  it('keeps the PIN and the sealed orders out of the save, and opens them again after a reload only with the PIN', async () => {
    const storage = new MemoryStorage();
    const timer = fakeTimer(1_000_000);
    const store = storeOn(storage, timer);
    await startClass(store);
    const pick = await tokyoSeals(store);
    const saved = storage.getItem(KEYS.game)!;
    expect(saved).not.toContain(PIN);
    expect(saved).not.toContain(pick);
    expect(store.getState().pick.classroom.pin).toBeNull();

    // The page is reloaded: Seoul's team plays on, but the turn cannot end until the instructor opens Tokyo's orders.
    const again = storeOn(storage, timer);
    again.getState().actions.continueSavedGame();
    expect(again.getState().screen).toBe('handover');
    expect(again.getState().session!.sealed).toEqual({});
    again.getState().actions.revealTurn();
    again.getState().actions.endTurn();
    expect(again.getState().screen).toBe('turn');
    expect(again.getState().notice?.problem.reason).toBe('sealedLocked');
    expect(again.getState().instructor.panel).toBe('locked');
    expect(await again.getState().actions.unlockInstructorPanel(PIN)).toEqual({ ok: true });
    expect(again.getState().session!.sealed.tokyo!.decisions).toEqual([pick]);
    again.getState().actions.closeInstructorPanel();
    again.getState().actions.endTurn();
    expect(again.getState().screen).toBe('resolution');
    expect(again.getState().session!.orders[0]!.tokyo.decisions).toEqual([pick]);
  });

  it('lets only the instructor export during the session, and the file holds neither the PIN nor the sealed orders', async () => {
    const storage = new MemoryStorage();
    const store = storeOn(storage, fakeTimer());
    await startClass(store);
    const pick = await tokyoSeals(store);
    const { actions } = store.getState();
    expect(actions.exportSave()).toBeNull();
    actions.openInstructorPanel();
    expect(actions.exportSave()).toBeNull();
    expect(await actions.unlockInstructorPanel(PIN)).toEqual({ ok: true });
    const file = actions.exportSave()!;
    expect(file).not.toContain(PIN);
    expect(file).not.toContain(pick);
    // The exported file with its PIN lock taken out is refused: it is under its checksum.
    const stripped = JSON.parse(file) as { classroom: { pin: unknown } };
    stripped.classroom.pin = null;
    const other = storeOn(new MemoryStorage(), fakeTimer());
    other.getState().actions.importSave(JSON.stringify(stripped));
    expect(other.getState().notice?.problem.reason).toBe('badChecksum');
    expect(other.getState().session).toBeNull();
  });

  it('waits longer after each wrong PIN past the third, and a reload does not lift the wait', async () => {
    const storage = new MemoryStorage();
    const timer = fakeTimer(5_000_000);
    const store = storeOn(storage, timer);
    await startClass(store);
    const { actions } = store.getState();
    actions.openInstructorPanel();
    expect(await actions.unlockInstructorPanel('0000')).toEqual({ ok: false, tried: true, waitMs: 0 });
    expect(await actions.unlockInstructorPanel('1111')).toEqual({ ok: false, tried: true, waitMs: 0 });
    expect(await actions.unlockInstructorPanel('2222')).toEqual({ ok: false, tried: true, waitMs: 5_000 });
    // Even the right PIN is not tried during the wait.
    expect(await actions.unlockInstructorPanel(PIN)).toEqual({ ok: false, tried: false, waitMs: 5_000 });

    const again = storeOn(storage, timer);
    again.getState().actions.continueSavedGame();
    again.getState().actions.openInstructorPanel();
    timer.advance(4_000);
    expect(await again.getState().actions.unlockInstructorPanel(PIN)).toEqual({ ok: false, tried: false, waitMs: 1_000 });
    timer.advance(1_000);
    expect(await again.getState().actions.unlockInstructorPanel('3333')).toEqual({ ok: false, tried: true, waitMs: 10_000 });
    timer.advance(10_000);
    expect(await again.getState().actions.unlockInstructorPanel(PIN)).toEqual({ ok: true });
    // Once opened, the count starts again.
    expect(again.getState().session!.classroom.guard).toEqual({ failures: 0, waitUntil: 0 });
  });

  it('keeps the instructor’s pause and the time left on the team’s clock through a reload', async () => {
    const storage = new MemoryStorage();
    const timer = fakeTimer(1_000);
    const store = storeOn(storage, timer);
    await startClass(store, 60);
    const { actions } = store.getState();
    actions.revealTurn();
    timer.advance(20_000);
    actions.openInstructorPanel();
    await actions.unlockInstructorPanel(PIN);
    actions.pause();

    const again = storeOn(storage, timer);
    timer.advance(100_000);
    again.getState().actions.continueSavedGame();
    expect(again.getState().instructor.paused).toBe(true);
    again.getState().actions.revealTurn();
    expect(again.getState().clock).toMatchObject({ side: 'tokyo', turn: 1, endsAt: null, leftMs: 40_000 });
  });

  it('runs the team’s clock on through a reload, rather than starting a full time again', () => {
    const storage = new MemoryStorage();
    const timer = fakeTimer(1_000);
    const store = storeOn(storage, timer);
    const { actions } = store.getState();
    actions.pickScenario('template');
    actions.pickMode('hotseat');
    actions.setClassroom({ timerSeconds: 60 });
    void actions.startGame();
    actions.beginTurn();
    actions.revealTurn();
    timer.advance(15_000);

    const again = storeOn(storage, timer);
    timer.advance(5_000);
    again.getState().actions.continueSavedGame();
    expect(again.getState().screen).toBe('handover');
    again.getState().actions.revealTurn();
    expect(again.getState().clock!.endsAt! - timer.now()).toBe(40_000);
  });
});
