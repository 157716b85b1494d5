declare module 'virtual:shipped-scenarios' {
  import type { ShippedScenario } from './scenario/shipped';
  const scenarios: readonly ShippedScenario[];
  export default scenarios;
}
