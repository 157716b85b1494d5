/**
 * The scenario checker's Web Worker: it checks the files the page hands it (src/ui/library/checker.ts)
 * with the command line's own checker and sends back what it found as plain data. A large file takes
 * seconds to check; here, the page goes on drawing and answering meanwhile.
 */
import { checkScenarioData } from '../../scenario/browser';
import type { CheckReply, CheckRequest } from './checker';

// The worker's own global scope (the project's types are the page's: DOM, not WebWorker).
const scope = self as unknown as { onmessage: ((event: MessageEvent<CheckRequest>) => void) | null; postMessage(message: CheckReply): void };

scope.onmessage = ({ data: { id, file, content } }) => {
  try {
    scope.postMessage({ id, result: checkScenarioData(file, content) });
  } catch (e) {
    // checkScenarioData reports a file's problems itself: only a fault of ours arrives here.
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
