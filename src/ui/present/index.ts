/** Presentation logic for the play screens: pure functions from the scenario, state and reports to what the screens say. */
export * from './debrief';
export * from './explain';
export * from './guide';
export * from './interventions';
export * from './meters';
export * from './names';
export * from './replay';
export * from './ticker';
