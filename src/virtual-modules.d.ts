declare module 'virtual:shipped-scenarios' {
  import type { ShippedScenarioFile } from './scenario/shipped';
  const scenarios: readonly ShippedScenarioFile[];
  export default scenarios;
}
