/// <reference types="vite-plugin-pwa/client" />
// virtual:pwa-register (vite-plugin-pwa): the service worker registration src/ui/offline.ts loads.

declare module 'virtual:shipped-scenarios' {
  // An import type: an ambient module may not import by a relative path (TS2439, which skipLibCheck hides),
  // and the list was silently typed as an error, unchecked wherever it was read.
  const scenarios: readonly import('./scenario/shipped').ShippedScenarioFile[];
  export default scenarios;
}
