/** Strings of the class session: hot-seat teams, hand-over screens, the turn timer, the instructor panel. */
export const classroom = {};
